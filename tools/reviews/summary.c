/*
 * Summary groups: counting, quotes, the previous period, sorting, output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "datetime.h"
#include "fmt.h"
#include "map.h"
#include "summary.h"
#include "xmalloc.h"

static const char *const dim_names[RV_NDIMS] = {
	"aspect", "date", "week", "month", "item", "sku",
};

struct rv_summary {
	const struct rv_lexicon	*lx;
	enum rv_dim		 by[RV_NDIMS];
	size_t			 nby;
	int			 period;	/* the period dim, or -1 */
	bool			 by_aspect;
	size_t			 nquotes;	/* per group */
	uint64_t		 seq;
	struct cs_map		 groups;	/* key -> struct rv_group */
	struct cs_buf		 key;
	struct rv_group		**sorted;
};

/* The dimension named s[0, n), or -1. */
int
rv_dim_parse(const char *s, size_t n)
{
	for (int d = 0; d < RV_NDIMS; d++)
		if (strlen(dim_names[d]) == n && memcmp(dim_names[d], s, n) == 0)
			return d;
	return -1;
}

const char *
rv_dim_name(enum rv_dim d)
{
	return dim_names[d];
}

bool
rv_dim_is_period(enum rv_dim d)
{
	return d == RV_DIM_DATE || d == RV_DIM_WEEK || d == RV_DIM_MONTH;
}

/* A summary grouped by the n dimensions of by, with up to nquotes quotes
 * a group. */
struct rv_summary *
rv_summary_new(const struct rv_lexicon *lx, const enum rv_dim *by, size_t n,
    size_t nquotes)
{
	struct rv_summary *s = cs_xcalloc(1, sizeof *s);

	s->lx = lx;
	memcpy(s->by, by, n * sizeof *by);
	s->nby = n;
	s->period = -1;
	for (size_t i = 0; i < n; i++) {
		if (rv_dim_is_period(by[i]))
			s->period = (int)by[i];
		if (by[i] == RV_DIM_ASPECT)
			s->by_aspect = true;
	}
	s->nquotes = nquotes;
	cs_map_init(&s->groups);
	return s;
}

bool
rv_summary_needs_date(const struct rv_summary *s)
{
	return s->period >= 0;
}

static int64_t
period_of(const struct rv_summary *s, int64_t day)
{
	int y;
	unsigned m, d;

	switch (s->period) {
	case RV_DIM_WEEK:
		return day - cs_weekday(day);
	case RV_DIM_MONTH:
		cs_civil_from_days(day, &y, &m, &d);
		return (int64_t)y * 12 + (m - 1);
	default:
		return day;
	}
}

static int64_t
previous(const struct rv_summary *s, int64_t p)
{
	return p - (s->period == RV_DIM_WEEK ? 7 : 1);
}

/* The label of a group's period: 2026-11-09 (a date, a week's Monday) or
 * 2026-11 (a month); "" when it has none. buf holds CS_DATETIME_BUFSIZE. */
void
rv_summary_period_label(const struct rv_summary *s, const struct rv_group *g,
    char *buf)
{
	buf[0] = '\0';
	if (!g->has_period)
		return;
	if (s->period == RV_DIM_MONTH)
		snprintf(buf, CS_DATETIME_BUFSIZE, "%04lld-%02lld",
		    (long long)cs_floor_div(g->period, 12),
		    (long long)(g->period - cs_floor_div(g->period, 12) * 12 + 1));
	else
		cs_date_format(g->period * CS_DAY_SECONDS, buf);
}

static void
make_key(struct rv_summary *s, int aspect, bool has_period, int64_t period,
    const char *item, size_t itemlen, const char *sku, size_t skulen)
{
	/* The key only tells groups apart (the map keeps them in insertion
	 * order): the numbers go in as their bytes, fixed width, not in
	 * decimal. A key is made for every aspect of every review. */
	char head[sizeof aspect + 1 + sizeof period];
	size_t n = 0;

	memcpy(head, &aspect, sizeof aspect);
	n += sizeof aspect;
	if (s->period >= 0) {
		if (!has_period)
			period = 0;
		head[n++] = has_period;
		memcpy(head + n, &period, sizeof period);
		n += sizeof period;
	}
	cs_buf_reset(&s->key);
	cs_buf_add(&s->key, head, n);
	for (size_t i = 0; i < s->nby; i++) {
		if (s->by[i] == RV_DIM_ITEM)
			cs_buf_add(&s->key, item, itemlen);
		else if (s->by[i] == RV_DIM_SKU)
			cs_buf_add(&s->key, sku, skulen);
		else
			continue;
		cs_buf_addc(&s->key, '\x1f');
	}
}

static struct rv_group *
group(struct rv_summary *s, int aspect, const struct rv_review *rv)
{
	bool by_item = false, by_sku = false, created;
	int64_t period = rv->has_day ? period_of(s, rv->day) : 0;

	for (size_t i = 0; i < s->nby; i++) {
		by_item |= s->by[i] == RV_DIM_ITEM;
		by_sku |= s->by[i] == RV_DIM_SKU;
	}
	make_key(s, aspect, rv->has_day, period, rv->item, rv->itemlen,
	    rv->sku, rv->skulen);
	struct cs_map_entry *e = cs_map_insert(&s->groups, s->key.data,
	    s->key.len, &created);
	if (!created)
		return e->value;

	struct cs_arena *a = &s->groups.arena;
	struct rv_group *g = cs_arena_alloc(a, sizeof *g);
	memset(g, 0, sizeof *g);
	g->aspect = aspect;
	g->has_period = s->period >= 0 && rv->has_day;
	g->period = period;
	g->item = by_item ? cs_arena_strndup(a, rv->item, rv->itemlen) : "";
	g->itemlen = by_item ? rv->itemlen : 0;
	g->sku = by_sku ? cs_arena_strndup(a, rv->sku, rv->skulen) : "";
	g->skulen = by_sku ? rv->skulen : 0;
	if (s->nquotes > 0)
		g->quotes = cs_arena_alloc(a, s->nquotes * sizeof *g->quotes);
	e->value = g;
	return g;
}

/* A quote: the clause, trimmed, cut after RV_QUOTE_CHARS characters. */
static size_t
quote_text(const char *p, size_t n, char *out)
{
	size_t i = 0, chars = 0;

	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (i < n && chars < RV_QUOTE_CHARS) {
		i++;
		while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	memcpy(out, p, i);
	if (i < n) {
		memcpy(out + i, "…", 3);
		return i + 3;
	}
	return i;
}

/* Keep a quote if it is among the group's most negative; ties go to the
 * earlier one. */
static void
keep_quote(struct rv_summary *s, struct rv_group *g, int score,
    const char *text, size_t n)
{
	char buf[RV_QUOTE_BYTES];
	struct rv_quote *q = NULL;

	if (s->nquotes == 0)
		return;
	if (g->nquotes == s->nquotes) {
		/* Full: it would replace the least negative kept (the later
		 * one on ties), so one no more negative is not even cut. */
		q = &g->quotes[0];
		for (size_t i = 1; i < g->nquotes; i++)
			if (g->quotes[i].score > q->score ||
			    (g->quotes[i].score == q->score &&
			    g->quotes[i].seq > q->seq))
				q = &g->quotes[i];
		if (score >= q->score)
			return;
	}
	size_t len = quote_text(text, n, buf);
	if (len == 0)
		return;
	for (size_t i = 0; i < g->nquotes; i++)
		if (g->quotes[i].len == len && memcmp(g->quotes[i].text, buf,
		    len) == 0)
			return;
	if (q == NULL)
		q = &g->quotes[g->nquotes++];
	q->score = score;
	q->seq = s->seq;
	q->len = len;
	memcpy(q->text, buf, len);
}

/* Count one review, scored into r; text holds its parts' texts. */
void
rv_summary_add(struct rv_summary *s, const struct rv_review *rv,
    const struct rv_result *r, const char *const *text)
{
	struct rv_group *all = group(s, -1, rv);

	s->seq++;
	all->reviews++;
	if (rv->polarity == RV_POSITIVE_REVIEW)
		all->positive++;
	else if (rv->polarity == RV_NEGATIVE_REVIEW || rv->polarity == RV_MIXED)
		all->negative++;
	if (rv->hidden)
		all->hidden++;
	for (size_t i = 0; i < r->ncomplaints; i++) {
		const struct rv_complaint *c = &r->complaints[i];
		keep_quote(s, all, c->score, text[c->part] + c->start,
		    c->end - c->start);
	}
	if (!s->by_aspect)
		return;
	for (size_t a = 0; a < r->naspects; a++) {
		if (!r->named[a])
			continue;
		struct rv_group *g = group(s, (int)a, rv);
		g->reviews++;
		int sign = rv_result_sign(r, a);
		if (sign > 0)
			g->positive++;
		else if (sign < 0) {
			g->negative++;
			if (rv->hidden)
				g->hidden++;
		}
		for (size_t i = 0; i < r->ncomplaints; i++) {
			const struct rv_complaint *c = &r->complaints[i];
			if (c->aspect == (int)a)
				keep_quote(s, g, c->score,
				    text[c->part] + c->start, c->end - c->start);
		}
	}
}

static int
cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c != 0 ? c : (an > bn) - (an < bn);
}

static int
cmp_quotes(const void *pa, const void *pb)
{
	const struct rv_quote *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static const struct rv_summary *sorting;

/* The other fields first, then aspects worst first, 全部 last. */
static int
cmp_groups(const void *pa, const void *pb)
{
	const struct rv_group *a = *(struct rv_group *const *)pa;
	const struct rv_group *b = *(struct rv_group *const *)pb;
	int c;

	for (size_t i = 0; i < sorting->nby; i++) {
		switch (sorting->by[i]) {
		case RV_DIM_DATE:
		case RV_DIM_WEEK:
		case RV_DIM_MONTH:
			if (a->has_period != b->has_period)
				return a->has_period ? -1 : 1;
			if (a->period != b->period)
				return a->period < b->period ? -1 : 1;
			break;
		case RV_DIM_ITEM:
			if ((c = cmp_bytes(a->item, a->itemlen, b->item,
			    b->itemlen)) != 0)
				return c;
			break;
		case RV_DIM_SKU:
			if ((c = cmp_bytes(a->sku, a->skulen, b->sku,
			    b->skulen)) != 0)
				return c;
			break;
		case RV_DIM_ASPECT:
		case RV_NDIMS:
			break;
		}
	}
	if ((a->aspect < 0) != (b->aspect < 0))
		return a->aspect < 0 ? 1 : -1;
	if (a->negative != b->negative)
		return a->negative > b->negative ? -1 : 1;
	/* Higher share first: a.neg/a.rev > b.neg/b.rev. */
	int64_t l = a->negative * b->reviews, r = b->negative * a->reviews;
	if (l != r)
		return l > r ? -1 : 1;
	if (a->reviews != b->reviews)
		return a->reviews > b->reviews ? -1 : 1;
	return (a->aspect > b->aspect) - (a->aspect < b->aspect);
}

/*
 * The groups, sorted, with their previous periods and quotes in order.
 * The array belongs to the summary.
 */
size_t
rv_summary_rows(struct rv_summary *s, struct rv_group ***rows)
{
	size_t n = cs_map_count(&s->groups);

	free(s->sorted);
	s->sorted = cs_xreallocarray(NULL, n + 1, sizeof *s->sorted);
	for (size_t i = 0; i < n; i++) {
		struct rv_group *g = cs_map_entry(&s->groups, i)->value;
		g->prev = NULL;
		if (s->period >= 0 && g->has_period) {
			struct rv_review rv = { RV_NEUTRAL, false, true, 0,
				g->item, g->itemlen, g->sku, g->skulen };
			make_key(s, g->aspect, true, previous(s, g->period),
			    rv.item, rv.itemlen, rv.sku, rv.skulen);
			struct cs_map_entry *e = cs_map_find(&s->groups,
			    s->key.data, s->key.len);
			g->prev = e != NULL ? e->value : NULL;
		}
		if (g->nquotes > 1)
			qsort(g->quotes, g->nquotes, sizeof *g->quotes,
			    cmp_quotes);
		s->sorted[i] = g;
	}
	sorting = s;
	qsort(s->sorted, n, sizeof *s->sorted, cmp_groups);
	sorting = NULL;
	*rows = s->sorted;
	return n;
}

/* Whether two rows differ in a field other than the aspect. */
static bool
other_fields_differ(const struct rv_summary *s, const struct rv_group *a,
    const struct rv_group *b)
{
	return a->has_period != b->has_period || a->period != b->period ||
	    cmp_bytes(a->item, a->itemlen, b->item, b->itemlen) != 0 ||
	    cmp_bytes(a->sku, a->skulen, b->sku, b->skulen) != 0;
}

/* Write the summary as a table: csv and tsv with ratios, text with
 * percentages, a rule between the groups of other fields. */
void
rv_summary_write(struct rv_summary *s, struct cs_writer *w)
{
	static const char *const stats[] = { "reviews", "positive", "negative",
		"negative_share", "hidden_negatives", "change", "examples" };
	const char *names[RV_NDIMS + 7];
	bool text = cs_writer_format(w) == CS_FORMAT_TEXT;
	struct rv_group **rows;
	struct cs_buf ex = CS_BUF_INIT;
	char buf[CS_FMT_BUFSIZE], label[CS_DATETIME_BUFSIZE];
	size_t n = 0, nrows;

	for (size_t i = 0; i < s->nby; i++)
		names[n++] = dim_names[s->by[i]];
	for (size_t i = 0; i < 5; i++)
		names[n++] = stats[i];
	if (s->period >= 0)
		names[n++] = stats[5];
	if (s->nquotes > 0)
		names[n++] = stats[6];
	cs_writer_header(w, names, n);

	nrows = rv_summary_rows(s, &rows);
	for (size_t r = 0; r < nrows; r++) {
		const struct rv_group *g = rows[r];

		if (text && r > 0 && other_fields_differ(s, rows[r - 1], g))
			cs_writer_rule(w);
		for (size_t i = 0; i < s->nby; i++) {
			switch (s->by[i]) {
			case RV_DIM_ASPECT:
				cs_writer_str(w, g->aspect < 0 ? RV_ALL_NAME :
				    rv_lexicon_aspect(s->lx, (size_t)g->aspect));
				break;
			case RV_DIM_DATE:
			case RV_DIM_WEEK:
			case RV_DIM_MONTH:
				rv_summary_period_label(s, g, label);
				cs_writer_str(w, text && label[0] == '\0' ? "-" :
				    label);
				break;
			case RV_DIM_ITEM:
				if (text && g->itemlen == 0)
					cs_writer_str(w, "-");
				else
					cs_writer_field(w, g->item, g->itemlen);
				break;
			case RV_DIM_SKU:
				if (text && g->skulen == 0)
					cs_writer_str(w, "-");
				else
					cs_writer_field(w, g->sku, g->skulen);
				break;
			case RV_NDIMS:
				break;
			}
		}
		cs_writer_str(w, cs_fmt_int(buf, g->reviews));
		cs_writer_str(w, cs_fmt_int(buf, g->positive));
		cs_writer_str(w, cs_fmt_int(buf, g->negative));
		if (text)
			cs_writer_str(w, cs_fmt_percent(buf, g->negative,
			    g->reviews, 1));
		else
			cs_writer_str(w, cs_fmt_ratio(buf, g->negative,
			    g->reviews, 4));
		cs_writer_str(w, cs_fmt_int(buf, g->hidden));
		if (s->period >= 0) {
			const struct rv_group *p = g->prev;
			if (p == NULL || p->reviews == 0)
				cs_writer_str(w, "");
			else {
				/* a/b - c/d = (ad - cb) / bd */
				int64_t num = g->negative * p->reviews -
				    p->negative * g->reviews;
				int64_t den = g->reviews * p->reviews;
				if (text) {
					char pct[CS_FMT_BUFSIZE];
					cs_fmt_percent(pct, num, den, 1);
					pct[strlen(pct) - 1] = '\0';
					snprintf(buf, sizeof buf, "%s%spp",
					    num > 0 ? "+" : "", pct);
					cs_writer_str(w, buf);
				} else
					cs_writer_str(w, cs_fmt_ratio(buf, num,
					    den, 4));
			}
		}
		if (s->nquotes > 0) {
			cs_buf_reset(&ex);
			for (size_t i = 0; i < g->nquotes; i++) {
				if (i > 0)
					cs_buf_adds(&ex, " | ");
				cs_buf_add(&ex, g->quotes[i].text,
				    g->quotes[i].len);
			}
			cs_writer_field(w, ex.data != NULL ? ex.data : "", ex.len);
		}
		cs_writer_end(w);
	}
	cs_buf_free(&ex);
}

void
rv_summary_free(struct rv_summary *s)
{
	if (s == NULL)
		return;
	cs_map_free(&s->groups);
	cs_buf_free(&s->key);
	free(s->sorted);
	free(s);
}
