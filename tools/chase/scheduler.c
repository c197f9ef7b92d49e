/*
 * The scheduler. An order has at most CHASE_MAX_EVENTS events and a buyer
 * a handful of orders, so everything is a small array and a linear scan.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "scheduler.h"
#include "value.h"
#include "xmalloc.h"

#define DAY	CS_DAY_SECONDS

/*
 * Parse a duration: whole numbers with a unit each, s m h or d ("10m",
 * "2h", "1h30m"); a bare number is in units of unit seconds (0: a bare
 * number is invalid). At most 366 days. Returns 0, CS_VALUE_EMPTY or
 * CS_VALUE_INVALID.
 */
int
chase_duration_parse(const char *s, size_t n, int64_t unit, int64_t *secs)
{
	int64_t total = 0;
	size_t i = 0;
	bool any = false;

	cs_trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	while (i < n) {
		int64_t v = 0, mul;
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000000)
			v = v * 10 + (s[i++] - '0');
		if (i == d)
			return CS_VALUE_INVALID;
		if (i == n && !any && unit > 0)
			mul = unit;
		else if (i == n)
			return CS_VALUE_INVALID;
		else if (s[i] == 's')
			mul = 1;
		else if (s[i] == 'm')
			mul = 60;
		else if (s[i] == 'h')
			mul = 3600;
		else if (s[i] == 'd')
			mul = DAY;
		else
			return CS_VALUE_INVALID;
		if (i < n)
			i++;
		total += v * mul;
		if (total > 366 * DAY)
			return CS_VALUE_INVALID;
		any = true;
	}
	*secs = total;
	return 0;
}

/*
 * Parse --schedule: offsets from creation, strictly increasing, at most
 * CHASE_MAX_STEPS ("10m,2h,24h"). Returns 0, or -1 (cfg unchanged).
 */
int
chase_schedule_parse(const char *list, struct chase_config *cfg)
{
	int64_t steps[CHASE_MAX_STEPS];
	int n = 0;
	const char *p = list;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if (n == CHASE_MAX_STEPS ||
		    chase_duration_parse(p, len, 0, &steps[n]) != 0 ||
		    (n > 0 && steps[n] <= steps[n - 1]))
			return -1;
		n++;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	memcpy(cfg->steps, steps, (size_t)n * sizeof steps[0]);
	cfg->nsteps = n;
	return 0;
}

/* When an order closes unpaid: at the deadline for a presale balance,
 * else --auto-close after its creation. */
int64_t
chase_close_at(const struct chase_config *cfg, const struct chase_order *o)
{
	if (o->balance && cfg->deadline != CHASE_NO_TIME)
		return cfg->deadline;
	return o->created + cfg->auto_close;
}

static int
cmp_event(const void *a, const void *b)
{
	const struct chase_event *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return (x->step > y->step) - (x->step < y->step);
}

static void
add(struct chase_event *ev, int *n, int step, int64_t at, int64_t until,
    int64_t rank)
{
	ev[*n].step = step;
	ev[*n].at = at;
	ev[*n].until = until;
	ev[*n].rank = rank;
	(*n)++;
}

/*
 * The events of order o into ev (room for CHASE_MAX_EVENTS), in rank
 * order. Returns how many.
 */
int
chase_events(const struct chase_config *cfg, const struct chase_order *o,
    struct chase_event *ev)
{
	int64_t close = chase_close_at(cfg, o), first;
	int n = 0;

	if (cfg->nsteps == 0)
		return 0;
	first = o->created + cfg->steps[0];
	for (int k = 0; k < cfg->nsteps; k++) {
		int64_t at = o->created + cfg->steps[k];
		if (at < close)
			add(ev, &n, k + 1, at, close, at);
	}
	if (cfg->deadline != CHASE_NO_TIME && cfg->sweep > 0 &&
	    (close > cfg->deadline ||
	    (close == cfg->deadline && cfg->preclose == 0))) {
		int64_t at = cfg->deadline - cfg->sweep;
		if (at < first)
			at = first;
		if (at < cfg->deadline)
			add(ev, &n, CHASE_SWEEP, at, cfg->deadline, cfg->deadline);
	}
	if (cfg->preclose > 0) {
		int64_t at = close - cfg->preclose;
		if (at < first)
			at = first;
		if (at < close)
			add(ev, &n, CHASE_PRECLOSE, at, close, close);
	}
	qsort(ev, (size_t)n, sizeof *ev, cmp_event);
	return n;
}

/*
 * The due events of order o at now into ev (room for CHASE_MAX_EVENTS),
 * in rank order; the last one is the event to send, the others are
 * collapsed into it. latest is the buyer's latest chase (CHASE_NO_TIME for
 * none, and for a held-out order). Returns how many.
 */
int
chase_due_events(const struct chase_config *cfg, const struct chase_order *o,
    int64_t latest, int64_t now, struct chase_event *due)
{
	struct chase_event ev[CHASE_MAX_EVENTS];
	int n, done = -1, k = 0;

	if (o->created > now || now >= chase_close_at(cfg, o))
		return 0;
	n = chase_events(cfg, o, ev);
	for (int j = 0; j < n; j++)
		if ((o->done & (1u << ev[j].step)) ||
		    (latest != CHASE_NO_TIME && ev[j].at <= latest))
			done = j;
	for (int j = done + 1; j < n; j++)
		if (ev[j].at <= now && now < ev[j].until)
			due[k++] = ev[j];
	return k;
}

/* The due event of order o at now, into *due; false when none. */
bool
chase_due(const struct chase_config *cfg, const struct chase_order *o,
    int64_t latest, int64_t now, struct chase_event *due)
{
	struct chase_event ev[CHASE_MAX_EVENTS];
	int n = chase_due_events(cfg, o, latest, now, ev);

	if (n == 0)
		return false;
	*due = ev[n - 1];
	return true;
}

/*
 * Where and when a chase on channel ch, due at now and lapsing at until,
 * goes: CHASE_ACT_CHASE (now, on *chan), CHASE_ACT_DEFER (at *at, on
 * *chan) or -1 (no opening before it lapses).
 */
int
chase_route(const struct chase_config *cfg, int ch, int64_t now,
    int64_t until, int *chan, int64_t *at)
{
	const struct chase_windows *w = cfg->windows;
	int64_t o;
	int c = ch;

	*at = now;
	if (chase_windows_open(w, ch, now)) {
		*chan = ch;
		return CHASE_ACT_CHASE;
	}
	if (cfg->fallback && chase_windows_open(w, CHASE_WANGWANG, now)) {
		*chan = CHASE_WANGWANG;
		return CHASE_ACT_CHASE;
	}
	o = chase_windows_next(w, ch, now);
	if (cfg->fallback) {
		int64_t o2 = chase_windows_next(w, CHASE_WANGWANG, now);
		if (o2 < o) {
			o = o2;
			c = CHASE_WANGWANG;
		}
	}
	if (o == CHASE_NEVER || o >= until)
		return -1;
	*chan = c;
	*at = o;
	return CHASE_ACT_DEFER;
}

/*
 * Route order o's due event at now: the latest one, or, when it would
 * lapse before its channel opens (a sweep at night on a channel with
 * --no-fallback), the latest of the earlier ones that can still be sent.
 * Returns as chase_route, with the event in *ev.
 */
static int
route_order(const struct chase_config *cfg, const struct chase_order *o,
    int64_t latest, int64_t now, struct chase_event *ev, int *ch, int64_t *at)
{
	struct chase_event due[CHASE_MAX_EVENTS];
	int n = chase_due_events(cfg, o, latest, now, due);

	for (int j = n - 1; j >= 0; j--) {
		int r = chase_route(cfg, o->channel, now, due[j].until, ch, at);
		if (r >= 0) {
			*ev = due[j];
			return r;
		}
	}
	return -1;
}

/* Whether order a comes before order b: bigger, then older, then first. */
static bool
before(const struct chase_order *o, size_t a, size_t b)
{
	if (o[a].amount != o[b].amount)
		return o[a].amount > o[b].amount;
	if (o[a].created != o[b].created)
		return o[a].created < o[b].created;
	return a < b;
}

/*
 * The actions for one buyer's orders at now: at most one chase or
 * deferral, and a holdout row for each held-out order that would be
 * chased. chases are the times the buyer was chased; last_paid when they
 * last paid an order (CHASE_NO_TIME: never). out has room for n + 1
 * actions. Returns how many.
 */
size_t
chase_decide(const struct chase_config *cfg, const struct chase_order *o,
    size_t n, const int64_t *chases, size_t nchases, int64_t last_paid,
    int64_t now, struct chase_action *out)
{
	struct chase_event ev;
	int64_t latest = CHASE_NO_TIME, at;
	size_t k = 0, recent = 0;
	long count = 0, best = -1;
	int ch, r = -1;

	if (last_paid != CHASE_NO_TIME && last_paid <= now &&
	    now - last_paid < DAY)
		return 0;
	/* Chases after now (a log replayed with an earlier --now) are
	 * ignored. */
	for (size_t i = 0; i < nchases; i++) {
		if (chases[i] > now)
			continue;
		if (chases[i] > now - DAY)
			recent++;
		if (latest == CHASE_NO_TIME || chases[i] > latest)
			latest = chases[i];
	}
	if (cfg->max_per_day > 0 && recent >= (size_t)cfg->max_per_day)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!o[i].holdout && o[i].created <= now &&
		    now < chase_close_at(cfg, &o[i]))
			count++;
	/* The biggest order (then the oldest) that has something to send:
	 * orders are tried in that order, without sorting or allocating. */
	for (long prev = -1;; prev = best) {
		best = -1;
		for (size_t i = 0; i < n; i++) {
			if (o[i].holdout || (prev >= 0 &&
			    !before(o, (size_t)prev, i)))
				continue;
			if (best < 0 || before(o, i, (size_t)best))
				best = (long)i;
		}
		if (best < 0)
			break;
		r = route_order(cfg, &o[best], latest, now, &ev, &ch, &at);
		if (r >= 0)
			break;
	}
	if (best >= 0 && (r == CHASE_ACT_CHASE || (r == CHASE_ACT_DEFER &&
	    !(o[best].defer_step == ev.step && o[best].defer_at == at)))) {
		out[k].order = (size_t)best;
		out[k].step = ev.step;
		out[k].channel = ch;
		out[k].due = at;
		out[k].kind = (enum chase_kind)r;
		out[k].count = count;
		k++;
	}
	for (size_t i = 0; i < n; i++) {
		if (!o[i].holdout || route_order(cfg, &o[i], CHASE_NO_TIME, now,
		    &ev, &ch, &at) != CHASE_ACT_CHASE)
			continue;
		out[k].order = i;
		out[k].step = ev.step;
		out[k].channel = ch;
		out[k].due = now;
		out[k].kind = CHASE_ACT_HOLDOUT;
		out[k].count = 1;
		k++;
	}
	return k;
}

static void
times_add(struct chase_times *t, int64_t v)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->t = cs_xreallocarray(t->t, t->cap, sizeof *t->t);
	}
	t->t[t->n++] = v;
}

static void
actions_add(struct chase_actions *a, const struct chase_action *act)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->a = cs_xreallocarray(a->a, a->cap, sizeof *a->a);
	}
	a->a[a->n++] = *act;
}

/* A deferral past the horizon replaces the order's earlier one. */
static void
defer_add(struct chase_actions *a, size_t start, const struct chase_action *act)
{
	for (size_t i = start; i < a->n; i++)
		if (a->a[i].kind == CHASE_ACT_DEFER &&
		    a->a[i].order == act->order) {
			a->a[i] = *act;
			return;
		}
	actions_add(a, act);
}

static void
later(int64_t *next, int64_t t, int64_t after)
{
	if (t > after && t < *next)
		*next = t;
}

/* The next moment after t at which the buyer's actions may change. */
static int64_t
next_moment(const struct chase_config *cfg, const struct chase_order *o,
    size_t n, const struct chase_times *chases, int64_t last_paid, int64_t t)
{
	struct chase_event ev[CHASE_MAX_EVENTS], due;
	int64_t next = CHASE_NEVER, at;
	int ch;

	for (size_t i = 0; i < n; i++) {
		int m = chase_events(cfg, &o[i], ev);
		for (int j = 0; j < m; j++)
			later(&next, ev[j].at, t);
		if (o[i].defer_step != 0)
			later(&next, o[i].defer_at, t);
		/* A held-out order waiting for its channel to open. */
		if (o[i].holdout && route_order(cfg, &o[i], CHASE_NO_TIME, t,
		    &due, &ch, &at) == CHASE_ACT_DEFER)
			later(&next, at, t);
	}
	for (size_t i = 0; i < chases->n; i++)
		later(&next, chases->t[i] + DAY, t);
	if (last_paid != CHASE_NO_TIME)
		later(&next, last_paid + DAY, t);
	return next;
}

/*
 * Plan one buyer from now to horizon: run chase_decide at every moment
 * something can change, as if the log received each action, and append
 * the chases and holdouts to out (and an order's last deferral when it
 * reaches past the horizon). o and chases are updated as the simulated log.
 */
void
chase_plan(const struct chase_config *cfg, struct chase_order *o, size_t n,
    struct chase_times *chases, int64_t last_paid, int64_t now,
    int64_t horizon, struct chase_actions *out)
{
	struct chase_action *acts = cs_xcalloc(n + 1, sizeof *acts);
	size_t start = out->n;
	int64_t t = now;

	while (t < horizon) {
		size_t k = chase_decide(cfg, o, n, chases->t, chases->n,
		    last_paid, t, acts);
		for (size_t i = 0; i < k; i++) {
			struct chase_order *x = &o[acts[i].order];
			switch (acts[i].kind) {
			case CHASE_ACT_CHASE:
				times_add(chases, acts[i].due);
				x->done |= 1u << acts[i].step;
				break;
			case CHASE_ACT_HOLDOUT:
				x->done |= 1u << acts[i].step;
				break;
			case CHASE_ACT_DEFER:
				x->defer_step = acts[i].step;
				x->defer_at = acts[i].due;
				break;
			}
			if (acts[i].kind != CHASE_ACT_DEFER)
				actions_add(out, &acts[i]);
			else if (acts[i].due >= horizon)
				defer_add(out, start, &acts[i]);
		}
		t = next_moment(cfg, o, n, chases, last_paid, t);
	}
	free(acts);
}
