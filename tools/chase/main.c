/*
 * cs-chase: the payment chase (催付) list for right now, from cs-segment's
 * output or any order export: who to chase, on which channel, by whom,
 * with which message; and, with --effect, how many payments chasing really
 * recovered, measured against a holdout.
 *
 * A buyer's orders must all be known before the buyer's one action can be
 * chosen, so the unpaid orders are held (their fields in an arena, no
 * allocation per row); the side files (the log, the blacklist, the chats,
 * the templates, the agents) are read first, the log before anything is
 * written, so that `cs-chase --sent log.csv >> log.csv` reads the log as
 * it was.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "cli.h"
#include "datetime.h"
#include "diag.h"
#include "fields.h"
#include "fmt.h"
#include "i18n.h"
#include "map.h"
#include "money.h"
#include "reader.h"
#include "sink.h"
#include "value.h"
#include "writer.h"
#include "xmalloc.h"

#include "assign.h"
#include "chase.h"
#include "effect.h"
#include "holdout.h"
#include "scheduler.h"
#include "sms.h"
#include "templates.h"
#include "windows.h"

#define DAY		CS_DAY_SECONDS
#define INQUIRY_DAYS	3

/* Fields of the order input (cs-segment's output, or an export). */
enum {
	F_ORDER_ID, F_BUYER, F_CREATED_AT, F_AMOUNT, F_STATUS, F_PAID_AT,
	F_NAME, F_PHONE, F_SHOP, F_ITEM, F_STAGE, F_SEGMENT, F_CHANNEL,
	F_TEMPLATE, F_PRIORITY, NFIELDS
};

static const struct cs_field order_fields[NFIELDS] = {
	{ "order_id", CS_FIELD_REQUIRED }, { "buyer", CS_FIELD_REQUIRED },
	{ "created_at", CS_FIELD_REQUIRED }, { "amount", CS_FIELD_REQUIRED },
	{ "status", 0 }, { "paid_at", 0 }, { "name", 0 }, { "phone", 0 },
	{ "shop", 0 }, { "item", 0 }, { "stage", 0 }, { "segment", 0 },
	{ "channel", 0 }, { "template", 0 }, { "priority", 0 },
};

/* The strings kept of an order. */
enum {
	S_ORDER_ID, S_BUYER, S_NAME, S_PHONE, S_SHOP, S_ITEM, S_SEGMENT,
	S_TEMPLATE, NSTR
};

static const int str_field[NSTR] = {
	F_ORDER_ID, F_BUYER, F_NAME, F_PHONE, F_SHOP, F_ITEM, F_SEGMENT,
	F_TEMPLATE,
};

/* Output columns. */
static const char *const out_names[] = {
	"order_id", "buyer", "segment", "step", "channel", "agent", "due_at",
	"action", "message", "sms_parts",
};

static const char *const action_names[] = { "chase", "holdout", "defer" };

enum {
	OPT_NOW = CS_OPT_TOOL, OPT_DEADLINE, OPT_AUTO_CLOSE, OPT_SCHEDULE,
	OPT_SWEEP, OPT_PRECLOSE, OPT_WINDOW, OPT_NO_FALLBACK, OPT_MAX_PER_DAY,
	OPT_BLACKLIST, OPT_SENT, OPT_TEMPLATES, OPT_SMS_MAX, OPT_AGENTS,
	OPT_INQUIRIES, OPT_HOLDOUT, OPT_SALT, OPT_PLAN, OPT_EFFECT, OPT_ORDERS,
	OPT_SMS_COST
};

static const struct cs_option options[] = {
	{ "now", OPT_NOW, true, "TIME",
	    N_("the time of this run (default: the clock)") },
	{ "deadline", OPT_DEADLINE, true, "TIME",
	    N_("when the sale price ends, e.g. '2026-11-12 00:00'") },
	{ "auto-close", OPT_AUTO_CLOSE, true, "HOURS",
	    N_("an unpaid order closes HOURS after its creation (default 72);\na presale balance closes at the deadline") },
	{ "schedule", OPT_SCHEDULE, true, "LIST",
	    N_("chase steps as offsets from the order's creation\n(default 10m,2h)") },
	{ "sweep", OPT_SWEEP, true, "DURATION",
	    N_("the final sweep: one last chase in the DURATION before the\ndeadline (default 2h; 0: none)") },
	{ "preclose", OPT_PRECLOSE, true, "DURATION",
	    N_("one chase DURATION before the order closes (default 2h;\n0: none)") },
	{ "window", OPT_WINDOW, true, "CHANNEL=HH:MM-HH:MM[,...]",
	    N_("when CHANNEL may be used (repeatable); CHANNEL:workday= or\nCHANNEL:weekend= for one kind of day") },
	{ "no-fallback", OPT_NO_FALLBACK, false, NULL,
	    N_("outside its window, defer a chase to the window's next\nopening instead of sending it on wangwang now") },
	{ "max-per-day", OPT_MAX_PER_DAY, true, "N",
	    N_("at most N chases per buyer in any 24 hours (default 3;\n0: no limit)") },
	{ "blacklist", OPT_BLACKLIST, true, "FILE",
	    N_("buyers or phones never contacted") },
	{ "sent", OPT_SENT, true, "FILE",
	    N_("the log of earlier runs (their outputs appended): nothing in\nit is done again") },
	{ "templates", OPT_TEMPLATES, true, "FILE",
	    N_("message templates: columns template, channel, text\n(and step)") },
	{ "sms-max", OPT_SMS_MAX, true, "N",
	    N_("warn when an SMS takes more than N messages (default 2)") },
	{ "agents", OPT_AGENTS, true, "LIST|FILE",
	    N_("agents who chase: NAME[:WEIGHT[:CHANNELS]],... or a file with\ncolumns agent, weight, channels") },
	{ "inquiries", OPT_INQUIRIES, true, "FILE",
	    N_("a chat export: a buyer who chatted with an agent in the last\n3 days goes to that agent") },
	{ "holdout", OPT_HOLDOUT, true, "P",
	    N_("never chase a share P of the orders (e.g. 0.1), chosen by a\nhash of the order id: they are logged as holdout") },
	{ "salt", OPT_SALT, true, "TEXT",
	    N_("salt of the holdout hash (default empty)") },
	{ "plan", OPT_PLAN, false, NULL,
	    N_("list every action from now to the deadline, not only those\ndue now") },
	{ "effect", OPT_EFFECT, false, NULL,
	    N_("read a log and report, against the holdout, how many\npayments chasing recovered (needs --orders)") },
	{ "orders", OPT_ORDERS, true, "FILE",
	    N_("with --effect: a later order export (who paid, when)") },
	{ "sms-cost", OPT_SMS_COST, true, "YUAN",
	    N_("with --effect: the price of one SMS (default 0.05)") },
	{ NULL, 0, false, NULL, NULL }
};

static struct {
	int64_t		 now;
	bool		 now_set;
	const char	*blacklist;
	const char	*sent;
	const char	*templates;
	long long	 sms_max;
	const char	*agents;
	const char	*inquiries;
	double		 holdout;
	const char	*salt;
	bool		 plan;
	bool		 effect;
	const char	*orders;
	int64_t		 sms_cost;	/* 1/10000 yuan */
	bool		 sms_cost_set;
	struct chase_config cfg;
	struct chase_windows windows;
} opt;

static int64_t
time_arg(const char *name, const char *arg)
{
	int64_t t;

	if (cs_datetime_parse(arg, strlen(arg), &t, NULL) != 0)
		cs_usage_error(_("--%s %s: not a date-time (e.g. '2026-11-11 22:00')"),
		    name, cs_quote(arg, strlen(arg)));
	return t;
}

static int64_t
duration_arg(const char *name, const char *arg, int64_t unit)
{
	int64_t d;

	/* A bare 0 is "none" whatever the unit. */
	if (strcmp(arg, "0") == 0)
		return 0;
	if (chase_duration_parse(arg, strlen(arg), unit, &d) != 0)
		cs_usage_error(_("--%s %s: not a duration (e.g. 30m, 2h, 1h30m)"),
		    name, cs_quote(arg, strlen(arg)));
	return d;
}

static void
handle(int key, const char *arg)
{
	double d;

	switch (key) {
	case OPT_NOW:
		opt.now = time_arg("now", arg);
		opt.now_set = true;
		break;
	case OPT_DEADLINE:
		opt.cfg.deadline = time_arg("deadline", arg);
		break;
	case OPT_AUTO_CLOSE:
		opt.cfg.auto_close = duration_arg("auto-close", arg, 3600);
		if (opt.cfg.auto_close == 0)
			cs_usage_error(_("--auto-close %s: must be more than 0"),
			    cs_quote(arg, strlen(arg)));
		break;
	case OPT_SCHEDULE:
		if (chase_schedule_parse(arg, &opt.cfg) != 0)
			cs_usage_error(_("--schedule %s: must be increasing offsets such as 10m,2h,24h (at most %d)"),
			    cs_quote(arg, strlen(arg)), CHASE_MAX_STEPS);
		break;
	case OPT_SWEEP:
		opt.cfg.sweep = duration_arg("sweep", arg, 0);
		break;
	case OPT_PRECLOSE:
		opt.cfg.preclose = duration_arg("preclose", arg, 0);
		break;
	case OPT_WINDOW:
		if (chase_windows_set(&opt.windows, arg) != 0)
			cs_usage_error(_("--window %s: must be CHANNEL[:workday|:weekend]=HH:MM-HH:MM[,...] or CHANNEL=always, CHANNEL wangwang, sms or phone"),
			    cs_quote(arg, strlen(arg)));
		break;
	case OPT_NO_FALLBACK:
		opt.cfg.fallback = false;
		break;
	case OPT_MAX_PER_DAY:
		opt.cfg.max_per_day = (int)cs_cli_number("max-per-day", arg, 0,
		    1000);
		break;
	case OPT_BLACKLIST:
		opt.blacklist = arg;
		break;
	case OPT_SENT:
		opt.sent = arg;
		break;
	case OPT_TEMPLATES:
		opt.templates = arg;
		break;
	case OPT_SMS_MAX:
		opt.sms_max = cs_cli_number("sms-max", arg, 1, 100);
		break;
	case OPT_AGENTS:
		opt.agents = arg;
		break;
	case OPT_INQUIRIES:
		opt.inquiries = arg;
		break;
	case OPT_HOLDOUT:
		opt.holdout = cs_cli_decimal("holdout", arg, 0, 0.99);
		break;
	case OPT_SALT:
		opt.salt = arg;
		break;
	case OPT_PLAN:
		opt.plan = true;
		break;
	case OPT_EFFECT:
		opt.effect = true;
		break;
	case OPT_ORDERS:
		opt.orders = arg;
		break;
	case OPT_SMS_COST:
		d = cs_cli_decimal("sms-cost", arg, 0, 100);
		opt.sms_cost = (int64_t)(d * 10000 + 0.5);
		opt.sms_cost_set = true;
		break;
	default:
		break;
	}
}

static const struct cs_tool tool = {
	"cs-chase",
	N_("The payment chase (催付) list for right now: who to chase, on which\n"
	    "channel, by whom, with which message; or, with --effect, how many\n"
	    "payments chasing recovered, measured against a holdout."),
	N_("Input: cs-segment's output, or any order rows with order_id, buyer,\n"
	    "created_at and amount (then segment standard, on wangwang). Output\n"
	    "columns: order_id, buyer, segment, step, channel, agent, due_at,\n"
	    "action (chase, holdout or defer), message, sms_parts. Every ten\n"
	    "minutes from cron:\n"
	    "  cs-segment export.csv | cs-chase --sent log.csv >> log.csv"),
	options,
	handle,
};

/* ---- state ---- */

struct order {
	const char	*s[NSTR];
	size_t		 n[NSTR];
	int64_t		 priority;
	uint32_t	 buyer;		/* index in buyers */
	size_t		 seq;		/* input order */
	struct chase_order co;
};

struct buyer {
	int64_t		 last_paid;	/* CHASE_NO_TIME: none seen */
	struct chase_times chases;	/* from the log */
	const char	*agent;		/* from --inquiries, or NULL */
	size_t		 agentlen;
	int64_t		 inquired;
};

/* The log's state of an order. */
struct logged {
	uint32_t	done;
	int		defer_step;
	int64_t		defer_at;
};

static struct cs_arena arena;
static struct cs_map buyers;		/* buyer -> struct buyer * */
static struct cs_map logged;		/* order_id -> struct logged * */
static struct cs_map blacklist;		/* buyer or phone -> (non-NULL) */
static struct cs_map seen;		/* order_id of the input */
static struct order *orders;
static size_t norders, capacity;
static struct chase_templates templates;
static struct chase_agents agents;
static unsigned long duplicates;

static struct buyer *
buyer_of(const char *s, size_t n, uint32_t *index)
{
	bool created;
	struct cs_map_entry *e = cs_map_insert(&buyers, s, n, &created);

	if (created) {
		struct buyer *b = cs_arena_alloc(&arena, sizeof *b);
		memset(b, 0, sizeof *b);
		b->last_paid = CHASE_NO_TIME;
		e->value = b;
	}
	if (index != NULL)
		*index = (uint32_t)(e - buyers.entries);
	return e->value;
}

static void
times_add(struct chase_times *t, int64_t v)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4;
		t->t = cs_xreallocarray(t->t, t->cap, sizeof *t->t);
	}
	t->t[t->n++] = v;
}

/* A phone number as the blacklist compares it: digits (and the * of a
 * masked number) only, without the country code 86. */
static size_t
phone_norm(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < cap; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '*')
			out[k++] = s[i];
	if (k == 13 && out[0] == '8' && out[1] == '6') {
		memmove(out, out + 2, 11);
		k = 11;
	}
	out[k] = '\0';
	return k;
}

static bool
looks_like_phone(const char *s, size_t n)
{
	size_t digits = 0;

	for (size_t i = 0; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '*')
			digits++;
		else if (strchr("+- ()", s[i]) == NULL)
			return false;
	}
	return digits >= 7;
}

static void
blacklist_add(const char *s, size_t n)
{
	char norm[64];
	bool created;

	if (n == 0)
		return;
	cs_map_insert(&blacklist, s, n, &created)->value = &blacklist;
	if (looks_like_phone(s, n)) {
		size_t k = phone_norm(s, n, norm, sizeof norm);
		cs_map_insert(&blacklist, norm, k, &created)->value = &blacklist;
	}
}

static bool
blacklisted(const struct order *o)
{
	char norm[64];

	if (cs_map_count(&blacklist) == 0)
		return false;
	if (cs_map_find(&blacklist, o->s[S_BUYER], o->n[S_BUYER]) != NULL)
		return true;
	if (o->n[S_PHONE] > 0 && looks_like_phone(o->s[S_PHONE], o->n[S_PHONE])) {
		size_t k = phone_norm(o->s[S_PHONE], o->n[S_PHONE], norm,
		    sizeof norm);
		return cs_map_find(&blacklist, norm, k) != NULL;
	}
	return false;
}

/*
 * --blacklist: a CSV with a buyer and/or a phone column; or, when no
 * header names either, one buyer or phone a line, the first line included.
 */
static void
load_blacklist(const struct cs_common *c)
{
	static const struct cs_field f[] = { { "buyer", 0 }, { "phone", 0 } };
	struct cs_reader *r = cs_reader_open(opt.blacklist, &c->in);
	const struct cs_row *hdr = cs_reader_header(r), *row;
	int col[2];
	size_t n;

	cs_fields_bind(hdr, cs_reader_name(r), f, 2, col);
	if (hdr->n > 0 && col[0] < 0 && col[1] < 0) {
		col[0] = 0;
		blacklist_add(hdr->v[0], hdr->len[0]);
	}
	while ((row = cs_reader_next(r)) != NULL) {
		for (int k = 0; k < 2; k++) {
			const char *v = cs_row_get(row, col[k], &n);
			blacklist_add(v, n);
		}
	}
	cs_reader_close(r);
}

/* --sent: the log. Only chases, holdouts and deferrals matter. */
static void
load_sent(const struct cs_common *c)
{
	enum { L_ORDER_ID, L_BUYER, L_STEP, L_ACTION, L_DUE_AT, NL };
	static const struct cs_field f[NL] = {
		{ "order_id", CS_FIELD_REQUIRED }, { "buyer", CS_FIELD_REQUIRED },
		{ "step", CS_FIELD_REQUIRED }, { "action", CS_FIELD_REQUIRED },
		{ "due_at", CS_FIELD_REQUIRED },
	};
	struct cs_reader *r = cs_reader_open(opt.sent, &c->in);
	const struct cs_row *row;
	int col[NL];

	/* An empty log is the first run's: no warning. */
	cs_fields_bind(cs_reader_header(r), cs_reader_name(r), f, NL, col);
	cs_reader_want_columns(r, col, NL);
	while ((row = cs_reader_next(r)) != NULL) {
		const char *v[NL];
		size_t n[NL];
		int step, kind;
		int64_t due;
		bool created;

		for (int k = 0; k < NL; k++)
			v[k] = cs_row_get(row, col[k], &n[k]);
		if (n[L_ORDER_ID] == 0 || n[L_BUYER] == 0) {
			cs_reader_reject(r, _("order_id and buyer must both be given"));
			continue;
		}
		if (chase_step_parse(v[L_STEP], n[L_STEP], &step) != 0) {
			cs_reader_reject(r, _("step %s: not a step (1, 2, ..., sweep or preclose)"),
			    cs_quote(v[L_STEP], n[L_STEP]));
			continue;
		}
		for (kind = 0; kind < 3; kind++)
			if (strlen(action_names[kind]) == n[L_ACTION] &&
			    memcmp(action_names[kind], v[L_ACTION], n[L_ACTION]) == 0)
				break;
		if (kind == 3) {
			cs_reader_reject(r, _("action %s: not chase, holdout or defer"),
			    cs_quote(v[L_ACTION], n[L_ACTION]));
			continue;
		}
		if (cs_datetime_parse(v[L_DUE_AT], n[L_DUE_AT], &due, NULL) != 0) {
			cs_reader_reject(r, _("due_at %s: not a date-time"),
			    cs_quote(v[L_DUE_AT], n[L_DUE_AT]));
			continue;
		}
		struct cs_map_entry *e = cs_map_insert(&logged, v[L_ORDER_ID],
		    n[L_ORDER_ID], &created);
		if (created) {
			e->value = cs_arena_alloc(&arena, sizeof(struct logged));
			memset(e->value, 0, sizeof(struct logged));
		}
		struct logged *l = e->value;
		if (kind == CHASE_ACT_DEFER) {
			l->defer_step = step;
			l->defer_at = due;
			continue;
		}
		l->done |= 1u << step;
		if (kind == CHASE_ACT_CHASE)
			times_add(&buyer_of(v[L_BUYER], n[L_BUYER], NULL)->chases,
			    due);
	}
	cs_reader_close(r);
}

/* --inquiries: each buyer's latest chat in the 3 days before now. */
static void
load_inquiries(const struct cs_common *c)
{
	enum { I_AT, I_AGENT, I_BUYER, NI };
	static const struct cs_field f[NI] = {
		{ "inquired_at", CS_FIELD_REQUIRED }, { "agent", CS_FIELD_REQUIRED },
		{ "buyer", CS_FIELD_REQUIRED },
	};
	int col[NI];
	struct cs_reader *r = cs_fields_open(opt.inquiries, &c->in, f, NI, col,
	    false);
	const struct cs_row *row;

	while ((row = cs_reader_next(r)) != NULL) {
		size_t n[NI];
		const char *v[NI];
		int64_t at;

		for (int k = 0; k < NI; k++)
			v[k] = cs_row_get(row, col[k], &n[k]);
		if (n[I_AGENT] == 0 || n[I_BUYER] == 0) {
			cs_reader_reject(r, _("agent and buyer must both be given"));
			continue;
		}
		if (cs_datetime_parse(v[I_AT], n[I_AT], &at, NULL) != 0) {
			cs_reader_reject(r, _("inquired_at %s: not a date or date-time"),
			    cs_quote(v[I_AT], n[I_AT]));
			continue;
		}
		if (at > opt.now || at < opt.now - INQUIRY_DAYS * DAY)
			continue;
		struct buyer *b = buyer_of(v[I_BUYER], n[I_BUYER], NULL);
		if (b->agent == NULL || at >= b->inquired) {
			b->agent = cs_arena_strndup(&arena, v[I_AGENT], n[I_AGENT]);
			b->agentlen = n[I_AGENT];
			b->inquired = at;
		}
	}
	cs_reader_close(r);
}

/* --templates: template, channel, text and, optionally, step. */
static void
load_templates(const struct cs_common *c)
{
	enum { T_TEMPLATE, T_CHANNEL, T_STEP, T_TEXT, NT };
	static const struct cs_field f[NT] = {
		{ "template", CS_FIELD_REQUIRED }, { "channel", 0 },
		{ "step", 0 }, { "text", CS_FIELD_REQUIRED },
	};
	int col[NT];
	struct cs_reader *r = cs_fields_open(opt.templates, &c->in, f, NT, col,
	    false);
	const char *name = cs_reader_name(r);
	const struct cs_row *row;

	while ((row = cs_reader_next(r)) != NULL) {
		size_t n[NT], at, len;
		const char *v[NT];
		int ch = -1, step = 0, rc;

		for (int k = 0; k < NT; k++)
			v[k] = cs_row_get(row, col[k], &n[k]);
		if (n[T_TEMPLATE] == 0 || n[T_TEXT] == 0)
			cs_die_at(name, row->line, _("template and text must both be given"));
		if (!(n[T_CHANNEL] == 0 || (n[T_CHANNEL] == 1 && v[T_CHANNEL][0] == '*') ||
		    (n[T_CHANNEL] == 3 && memcmp(v[T_CHANNEL], "any", 3) == 0)) &&
		    (chase_channel_parse(v[T_CHANNEL], n[T_CHANNEL], &ch) != 0 ||
		    ch == CHASE_NONE))
			cs_die_at(name, row->line, _("channel %s: not wangwang, sms or phone"),
			    cs_quote(v[T_CHANNEL], n[T_CHANNEL]));
		if (!(n[T_STEP] == 0 || (n[T_STEP] == 1 && v[T_STEP][0] == '*') ||
		    (n[T_STEP] == 3 && memcmp(v[T_STEP], "any", 3) == 0)) &&
		    chase_step_parse(v[T_STEP], n[T_STEP], &step) != 0)
			cs_die_at(name, row->line, _("step %s: not a step (1, 2, ..., sweep or preclose)"),
			    cs_quote(v[T_STEP], n[T_STEP]));
		rc = chase_templates_add(&templates, v[T_TEMPLATE], n[T_TEMPLATE],
		    ch, step, v[T_TEXT], n[T_TEXT], &at, &len);
		if (rc == -1)
			cs_die_at(name, row->line, _("unknown placeholder %s (known: {name} {buyer} {item} {amount} {order_id} {count} {deadline} {minutes_left} {hours_left} {shop} {agent})"),
			    cs_quote(v[T_TEXT] + at, len));
		if (rc == -2)
			cs_warn_at(name, row->line, _("template %s for this channel and step given twice: the first is used"),
			    cs_quote(v[T_TEMPLATE], n[T_TEMPLATE]));
	}
	cs_reader_close(r);
}

/* --agents: a file when one of that name exists, else a list. */
static void
load_agents(const struct cs_common *c)
{
	enum { A_AGENT, A_WEIGHT, A_CHANNELS, NA };
	static const struct cs_field f[NA] = {
		{ "agent", CS_FIELD_REQUIRED }, { "weight", 0 }, { "channels", 0 },
	};
	int col[NA];

	if (strcmp(opt.agents, "-") != 0 && access(opt.agents, F_OK) != 0) {
		if (chase_agents_parse_list(&agents, opt.agents) != 0)
			cs_usage_error(_("--agents %s: not a file, nor a list NAME[:WEIGHT[:CHANNELS]],... (weights 0-%d, channels wangwang, sms, phone joined by +)"),
			    cs_quote(opt.agents, strlen(opt.agents)), CHASE_MAX_WEIGHT);
		return;
	}
	struct cs_reader *r = cs_fields_open(opt.agents, &c->in, f, NA, col,
	    false);
	const char *name = cs_reader_name(r);
	const struct cs_row *row;
	while ((row = cs_reader_next(r)) != NULL) {
		size_t n[NA];
		const char *v[NA];
		int64_t weight = 1;
		unsigned mask;

		for (int k = 0; k < NA; k++)
			v[k] = cs_row_get(row, col[k], &n[k]);
		if (n[A_AGENT] == 0)
			cs_die_at(name, row->line, _("agent is empty"));
		if (n[A_WEIGHT] > 0 && (cs_int_parse(v[A_WEIGHT], n[A_WEIGHT],
		    &weight) != 0 || weight < 0 || weight > CHASE_MAX_WEIGHT))
			cs_die_at(name, row->line, _("weight %s: not a whole number from 0 to %d"),
			    cs_quote(v[A_WEIGHT], n[A_WEIGHT]), CHASE_MAX_WEIGHT);
		if (chase_channels_parse(v[A_CHANNELS], n[A_CHANNELS], &mask) != 0)
			cs_die_at(name, row->line, _("channels %s: not a list of wangwang, sms and phone"),
			    cs_quote(v[A_CHANNELS], n[A_CHANNELS]));
		if (chase_agents_add(&agents, v[A_AGENT], n[A_AGENT], (int)weight,
		    mask) < 0)
			cs_warn_at(name, row->line, _("agent %s given twice: the first is used"),
			    cs_quote(v[A_AGENT], n[A_AGENT]));
	}
	cs_reader_close(r);
}

/* ---- the order input ---- */

static bool
is_word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Read one order row: paid rows give the buyer's last payment, unpaid
 * ones are kept. */
static void
read_order(struct cs_reader *r, const struct cs_row *row, const int *col,
    size_t seq)
{
	const char *v[NFIELDS];
	size_t n[NFIELDS];
	enum cs_status st = CS_STATUS_UNKNOWN;
	int64_t t;
	int rc, ch = CHASE_WANGWANG;

	for (int k = 0; k < NFIELDS; k++)
		v[k] = cs_row_get(row, col[k], &n[k]);
	rc = cs_id_check(v[F_ORDER_ID], n[F_ORDER_ID]);
	if (rc == CS_VALUE_EMPTY) {
		cs_reader_reject(r, _("order_id is empty"));
		return;
	}
	if (rc == CS_ID_SCIENTIFIC) {
		cs_reader_reject(r, _("order_id %s: a number in scientific notation (an Excel round-trip lost its digits)"),
		    cs_quote(v[F_ORDER_ID], n[F_ORDER_ID]));
		return;
	}
	if (n[F_BUYER] == 0) {
		cs_reader_reject(r, _("buyer is empty"));
		return;
	}
	rc = cs_status_parse(v[F_STATUS], n[F_STATUS], &st);
	if (rc == CS_VALUE_INVALID) {
		cs_reader_reject(r, _("status %s: not an order status"),
		    cs_quote(v[F_STATUS], n[F_STATUS]));
		return;
	}
	if (rc != 0)
		st = n[F_PAID_AT] > 0 ? CS_STATUS_PAID : CS_STATUS_UNPAID;
	if (st == CS_STATUS_CLOSED)
		return;
	if (st == CS_STATUS_PAID) {
		rc = cs_datetime_parse(v[F_PAID_AT], n[F_PAID_AT], &t, NULL);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("paid_at %s: not a date-time"),
			    cs_quote(v[F_PAID_AT], n[F_PAID_AT]));
			return;
		}
		if (rc == 0) {
			struct buyer *b = buyer_of(v[F_BUYER], n[F_BUYER], NULL);
			if (t <= opt.now && (b->last_paid == CHASE_NO_TIME ||
			    t > b->last_paid))
				b->last_paid = t;
		}
		return;
	}

	struct order o;
	memset(&o, 0, sizeof o);
	if (cs_datetime_parse(v[F_CREATED_AT], n[F_CREATED_AT], &o.co.created,
	    NULL) != 0) {
		cs_reader_reject(r, _("created_at %s: not a date-time"),
		    cs_quote(v[F_CREATED_AT], n[F_CREATED_AT]));
		return;
	}
	if (cs_money_parse(v[F_AMOUNT], n[F_AMOUNT], &o.co.amount) != 0) {
		cs_reader_reject(r, _("amount %s: not an amount of money"),
		    cs_quote(v[F_AMOUNT], n[F_AMOUNT]));
		return;
	}
	rc = chase_channel_parse(v[F_CHANNEL], n[F_CHANNEL], &ch);
	if (rc == CS_VALUE_INVALID) {
		cs_reader_reject(r, _("channel %s: not wangwang, sms, phone or none"),
		    cs_quote(v[F_CHANNEL], n[F_CHANNEL]));
		return;
	}
	if (rc != 0)
		ch = CHASE_WANGWANG;
	if (n[F_PRIORITY] > 0 && cs_int_parse(v[F_PRIORITY], n[F_PRIORITY],
	    &o.priority) != 0) {
		cs_reader_reject(r, _("priority %s: not a whole number"),
		    cs_quote(v[F_PRIORITY], n[F_PRIORITY]));
		return;
	}
	bool created;
	cs_map_insert(&seen, v[F_ORDER_ID], n[F_ORDER_ID], &created);
	if (!created) {
		/* A sub-order export repeats the order: the first row stands. */
		duplicates++;
		return;
	}
	/* Orders cs-segment says not to chase are used, not kept. */
	if (ch == CHASE_NONE || is_word(v[F_SEGMENT], n[F_SEGMENT], "skip"))
		return;
	o.co.channel = ch;
	o.co.balance = is_word(v[F_STAGE], n[F_STAGE], "balance") ||
	    is_word(v[F_STAGE], n[F_STAGE], "尾款");
	o.co.holdout = chase_holdout(opt.holdout, opt.salt, strlen(opt.salt),
	    v[F_ORDER_ID], n[F_ORDER_ID]);
	for (int k = 0; k < NSTR; k++) {
		o.n[k] = n[str_field[k]];
		o.s[k] = cs_arena_strndup(&arena, v[str_field[k]], o.n[k]);
	}
	if (o.n[S_SEGMENT] == 0) {
		o.s[S_SEGMENT] = "standard";
		o.n[S_SEGMENT] = 8;
	}
	buyer_of(o.s[S_BUYER], o.n[S_BUYER], &o.buyer);
	const struct cs_map_entry *e = cs_map_find(&logged, o.s[S_ORDER_ID],
	    o.n[S_ORDER_ID]);
	if (e != NULL) {
		const struct logged *l = e->value;
		o.co.done = l->done;
		o.co.defer_step = l->defer_step;
		o.co.defer_at = l->defer_at;
	}
	o.seq = seq;
	if (norders == capacity) {
		capacity = capacity ? capacity * 2 : 1024;
		orders = cs_xreallocarray(orders, capacity, sizeof *orders);
	}
	orders[norders++] = o;
}

static void
read_orders(const struct cs_common *c, int first, int argc, char **argv)
{
	size_t seq = 0;

	for (int i = first; i < argc || (i == first && first == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		int col[NFIELDS];
		struct cs_reader *r = cs_fields_open(path, &c->in, order_fields,
		    NFIELDS, col, false);
		const struct cs_row *row;

		while ((row = cs_reader_next(r)) != NULL)
			read_order(r, row, col, seq++);
		cs_reader_close(r);
	}
	if (duplicates > 0)
		cs_warn(P_("%lu row repeats an order id already read: the first row of each order is used",
		    "%lu rows repeat an order id already read: the first row of each order is used",
		    duplicates),
		    duplicates);
}

/* ---- deciding ---- */

struct out {
	const struct order	*o;
	struct chase_action	 a;
	const char		*agent;
	size_t			 agentlen;
};

static struct out *outs;
static size_t nouts, capouts;

static void
out_add(const struct order *o, const struct chase_action *a)
{
	if (nouts == capouts) {
		capouts = capouts ? capouts * 2 : 256;
		outs = cs_xreallocarray(outs, capouts, sizeof *outs);
	}
	outs[nouts].o = o;
	outs[nouts].a = *a;
	outs[nouts].agent = "";
	outs[nouts].agentlen = 0;
	nouts++;
}

static int
cmp_buyer(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->buyer != b->buyer)
		return a->buyer < b->buyer ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void
decide_all(void)
{
	struct chase_order *co = NULL;
	struct chase_action *acts = NULL;
	struct chase_actions planned = { NULL, 0, 0 };
	size_t cap = 0;

	if (norders > 0)
		qsort(orders, norders, sizeof *orders, cmp_buyer);
	for (size_t i = 0, j; i < norders; i = j) {
		bool black = false;
		for (j = i; j < norders && orders[j].buyer == orders[i].buyer; j++)
			black |= blacklisted(&orders[j]);
		if (black)
			continue;
		size_t n = j - i;
		if (n + 1 > cap) {
			cap = (n + 1) * 2;
			co = cs_xreallocarray(co, cap, sizeof *co);
			acts = cs_xreallocarray(acts, cap, sizeof *acts);
		}
		for (size_t k = 0; k < n; k++)
			co[k] = orders[i + k].co;
		struct buyer *b = cs_map_entry(&buyers, orders[i].buyer)->value;
		if (opt.plan) {
			struct chase_times t = { NULL, 0, 0 };
			for (size_t k = 0; k < b->chases.n; k++)
				times_add(&t, b->chases.t[k]);
			planned.n = 0;
			chase_plan(&opt.cfg, co, n, &t, b->last_paid, opt.now,
			    opt.cfg.deadline, &planned);
			for (size_t k = 0; k < planned.n; k++)
				out_add(&orders[i + planned.a[k].order], &planned.a[k]);
			free(t.t);
		} else {
			size_t k = chase_decide(&opt.cfg, co, n, b->chases.t,
			    b->chases.n, b->last_paid, opt.now, acts);
			for (size_t x = 0; x < k; x++)
				out_add(&orders[i + acts[x].order], &acts[x]);
		}
	}
	free(co);
	free(acts);
	free(planned.a);
}

static int
cmp_out(const void *pa, const void *pb)
{
	const struct out *a = pa, *b = pb;
	int c;

	if (a->a.due != b->a.due)
		return a->a.due < b->a.due ? -1 : 1;
	if (a->o->priority != b->o->priority)
		return a->o->priority > b->o->priority ? -1 : 1;
	if (a->o->co.amount != b->o->co.amount)
		return a->o->co.amount > b->o->co.amount ? -1 : 1;
	size_t n = a->o->n[S_ORDER_ID] < b->o->n[S_ORDER_ID] ?
	    a->o->n[S_ORDER_ID] : b->o->n[S_ORDER_ID];
	if ((c = memcmp(a->o->s[S_ORDER_ID], b->o->s[S_ORDER_ID], n)) != 0)
		return c;
	if (a->o->n[S_ORDER_ID] != b->o->n[S_ORDER_ID])
		return a->o->n[S_ORDER_ID] < b->o->n[S_ORDER_ID] ? -1 : 1;
	return (a->a.step > b->a.step) - (a->a.step < b->a.step);
}

/* Who sends each chase: the agent the buyer chatted with, else the
 * channel's round-robin, in output order. */
static void
assign_all(void)
{
	for (size_t i = 0; i < nouts; i++) {
		struct out *x = &outs[i];
		if (x->a.kind == CHASE_ACT_HOLDOUT)
			continue;
		const struct buyer *b = cs_map_entry(&buyers, x->o->buyer)->value;
		if (b->agent != NULL) {
			long k = chase_agents_find(&agents, b->agent, b->agentlen);
			if (agents.n == 0 || (k >= 0 &&
			    (agents.a[k].channels & (1u << x->a.channel)))) {
				x->agent = b->agent;
				x->agentlen = b->agentlen;
				continue;
			}
		}
		long k = chase_agents_next(&agents, x->a.channel);
		if (k >= 0) {
			x->agent = agents.a[k].name;
			x->agentlen = agents.a[k].len;
		}
	}
}

/* ---- messages ---- */

static unsigned warned_missing;
static struct cs_map warned_sms;	/* template address -> warned */

static const struct chase_template *
template_for(const struct order *o, int channel, int step)
{
	const struct chase_template *t = chase_templates_find(&templates,
	    o->s[S_TEMPLATE], o->n[S_TEMPLATE], channel, step);

	if (t == NULL)
		t = chase_templates_find(&templates, o->s[S_SEGMENT],
		    o->n[S_SEGMENT], channel, step);
	if (t != NULL)
		return t;
	if (chase_builtin_known(o->s[S_TEMPLATE], o->n[S_TEMPLATE]))
		return chase_builtin(o->s[S_TEMPLATE], o->n[S_TEMPLATE], channel,
		    step);
	return chase_builtin(o->s[S_SEGMENT], o->n[S_SEGMENT], channel, step);
}

/* "11月12日 00:00": how a message names the deadline. */
static void
deadline_text(int64_t t, char *buf, size_t cap)
{
	int64_t day = cs_floor_div(t, DAY);
	int tod = (int)(t - day * DAY), y;
	unsigned m, d;

	cs_civil_from_days(day, &y, &m, &d);
	snprintf(buf, cap, "%u月%u日 %02d:%02d", m, d, tod / 3600, tod / 60 % 60);
}

static void
render(const struct out *x, struct cs_buf *msg, char *parts)
{
	struct chase_values v;
	char amount[CS_MONEY_BUFSIZE], count[CS_FMT_BUFSIZE], dl[64];
	char mins[CS_FMT_BUFSIZE], hours[CS_FMT_BUFSIZE];
	const struct order *o = x->o;
	const struct chase_template *t;

	parts[0] = '\0';
	cs_buf_reset(msg);
	cs_buf_grow(msg, 0);
	if (x->a.kind == CHASE_ACT_HOLDOUT)
		return;
	memset(&v, 0, sizeof v);
	v.v[CHASE_PH_NAME] = o->s[S_NAME];
	v.n[CHASE_PH_NAME] = o->n[S_NAME];
	v.v[CHASE_PH_BUYER] = o->s[S_BUYER];
	v.n[CHASE_PH_BUYER] = o->n[S_BUYER];
	v.v[CHASE_PH_ITEM] = o->s[S_ITEM];
	v.n[CHASE_PH_ITEM] = o->n[S_ITEM];
	v.v[CHASE_PH_ORDER_ID] = o->s[S_ORDER_ID];
	v.n[CHASE_PH_ORDER_ID] = o->n[S_ORDER_ID];
	v.v[CHASE_PH_SHOP] = o->s[S_SHOP];
	v.n[CHASE_PH_SHOP] = o->n[S_SHOP];
	v.v[CHASE_PH_AGENT] = x->agent;
	v.n[CHASE_PH_AGENT] = x->agentlen;
	v.v[CHASE_PH_AMOUNT] = cs_money_format(o->co.amount, amount);
	v.n[CHASE_PH_AMOUNT] = strlen(amount);
	v.v[CHASE_PH_COUNT] = cs_fmt_int(count, x->a.count);
	v.n[CHASE_PH_COUNT] = strlen(count);
	v.count = x->a.count;
	if (opt.cfg.deadline != CHASE_NO_TIME) {
		deadline_text(opt.cfg.deadline, dl, sizeof dl);
		v.v[CHASE_PH_DEADLINE] = dl;
		v.n[CHASE_PH_DEADLINE] = strlen(dl);
		if (x->a.due < opt.cfg.deadline) {
			int64_t m = (opt.cfg.deadline - x->a.due) / 60;
			v.v[CHASE_PH_MINUTES_LEFT] = cs_fmt_int(mins, m);
			v.n[CHASE_PH_MINUTES_LEFT] = strlen(mins);
			/* Hours to one decimal, rounded down: never more time
			 * than there is. */
			snprintf(hours, sizeof hours, "%lld.%lld",
			    (long long)(m / 60), (long long)(m % 60 / 6));
			if (m % 60 / 6 == 0)
				hours[strlen(hours) - 2] = '\0';
			v.v[CHASE_PH_HOURS_LEFT] = hours;
			v.n[CHASE_PH_HOURS_LEFT] = strlen(hours);
		}
	}
	t = template_for(o, x->a.channel, x->a.step);
	unsigned missing = chase_template_render(t, &v, msg) & ~warned_missing;
	for (int ph = 0; ph < CHASE_NPH; ph++) {
		if (!(missing & (1u << ph)))
			continue;
		cs_warn(_("placeholder {%s} has no value (first in the message to order %s): it is left empty"),
		    chase_ph_name(ph), cs_quote(o->s[S_ORDER_ID], o->n[S_ORDER_ID]));
		warned_missing |= 1u << ph;
	}
	if (x->a.channel == CHASE_SMS) {
		size_t p = chase_sms_parts(chase_sms_chars(msg->data, msg->len));
		snprintf(parts, CS_FMT_BUFSIZE, "%zu", p);
		bool created;
		if (p > (size_t)opt.sms_max) {
			cs_map_insert(&warned_sms, (const char *)&t, sizeof t,
			    &created);
			if (created)
				cs_warn(_("an SMS to order %s takes %zu messages, more than --sms-max %lld (%zu characters; the first such message of its template)"),
				    cs_quote(o->s[S_ORDER_ID], o->n[S_ORDER_ID]), p,
				    opt.sms_max, chase_sms_chars(msg->data, msg->len));
		}
	}
}

/* ---- output ---- */

static void
write_row(struct cs_writer *w, const struct out *x, const struct cs_buf *msg,
    const char *parts)
{
	char step[CHASE_STEP_BUFSIZE], due[CS_DATETIME_BUFSIZE];
	const struct order *o = x->o;

	cs_writer_field(w, o->s[S_ORDER_ID], o->n[S_ORDER_ID]);
	cs_writer_field(w, o->s[S_BUYER], o->n[S_BUYER]);
	cs_writer_field(w, o->s[S_SEGMENT], o->n[S_SEGMENT]);
	cs_writer_str(w, chase_step_format(x->a.step, step));
	cs_writer_str(w, chase_channel_name(x->a.channel));
	cs_writer_field(w, x->agent, x->agentlen);
	cs_writer_str(w, cs_datetime_format(x->a.due, due));
	cs_writer_str(w, action_names[x->a.kind]);
	cs_writer_field(w, msg->data, msg->len);
	cs_writer_str(w, parts);
	cs_writer_end(w);
}

static bool
cmp_agent_same(const struct out *a, const struct out *b)
{
	return a->agentlen == b->agentlen &&
	    memcmp(a->agent, b->agent, a->agentlen) == 0;
}

static int
cmp_agent(const void *pa, const void *pb)
{
	const struct out *a = pa, *b = pb;
	int c;

	/* The unassigned last. */
	if ((a->agentlen == 0) != (b->agentlen == 0))
		return a->agentlen == 0 ? 1 : -1;
	size_t n = a->agentlen < b->agentlen ? a->agentlen : b->agentlen;
	if ((c = memcmp(a->agent, b->agent, n)) != 0)
		return c;
	if (a->agentlen != b->agentlen)
		return a->agentlen < b->agentlen ? -1 : 1;
	return cmp_out(pa, pb);
}

static void
sink_text(struct cs_sink *s, const char *text)
{
	cs_sink_write(s, text, strlen(text));
}

/* The text format: a worklist per agent; held-out orders only counted. */
static void
write_worklists(struct cs_sink *sink, bool bom)
{
	static const char *const names[] = { "time", "action", "channel",
		"step", "buyer", "order_id", "message" };
	struct cs_buf msg = CS_BUF_INIT, line = CS_BUF_INIT;
	char parts[CS_FMT_BUFSIZE], step[CHASE_STEP_BUFSIZE];
	char due[CS_DATETIME_BUFSIZE];
	size_t held = 0, sections = 0;

	if (bom)
		cs_sink_write(sink, "\xEF\xBB\xBF", 3);
	if (nouts > 0)
		qsort(outs, nouts, sizeof *outs, cmp_agent);
	for (size_t i = 0, j; i < nouts; i = j) {
		size_t todo = 0;
		for (j = i; j < nouts && cmp_agent_same(&outs[i], &outs[j]); j++)
			todo += outs[j].a.kind != CHASE_ACT_HOLDOUT;
		held += j - i - todo;
		if (todo == 0)
			continue;
		cs_buf_reset(&line);
		if (sections++ > 0)
			cs_buf_addc(&line, '\n');
		if (outs[i].agentlen > 0)
			cs_buf_add(&line, outs[i].agent, outs[i].agentlen);
		else
			cs_buf_adds(&line, _("(no agent)"));
		cs_buf_printf(&line, _(": %zu to do\n"), todo);
		cs_sink_write(sink, line.data, line.len);
		struct cs_writer *w = cs_writer_new(sink, CS_FORMAT_TEXT, false);
		cs_writer_header(w, names, 7);
		for (size_t k = i; k < j; k++) {
			const struct out *x = &outs[k];
			if (x->a.kind == CHASE_ACT_HOLDOUT)
				continue;
			render(x, &msg, parts);
			cs_datetime_format(x->a.due, due);
			cs_writer_field(w, due + 5, 11);	/* MM-DD HH:MM */
			cs_writer_str(w, action_names[x->a.kind]);
			cs_writer_str(w, chase_channel_name(x->a.channel));
			cs_writer_str(w, chase_step_format(x->a.step, step));
			cs_writer_field(w, x->o->s[S_BUYER], x->o->n[S_BUYER]);
			cs_writer_field(w, x->o->s[S_ORDER_ID], x->o->n[S_ORDER_ID]);
			cs_writer_field(w, msg.data, msg.len);
			cs_writer_end(w);
		}
		cs_writer_close(w);
	}
	if (sections == 0)
		sink_text(sink, _("nothing to do\n"));
	if (held > 0) {
		cs_buf_reset(&line);
		cs_buf_printf(&line, _("\nheld out, not to chase: %zu\n"), held);
		cs_sink_write(sink, line.data, line.len);
	}
	cs_buf_free(&msg);
	cs_buf_free(&line);
}

static void
write_list(struct cs_sink *sink, const struct cs_common *c)
{
	struct cs_writer *w;
	struct cs_buf msg = CS_BUF_INIT;
	char parts[CS_FMT_BUFSIZE];

	if (c->format == CS_FORMAT_TEXT) {
		write_worklists(sink, c->bom);
		return;
	}
	w = cs_writer_new(sink, c->format, c->bom);
	cs_writer_header(w, out_names, sizeof out_names / sizeof out_names[0]);
	for (size_t i = 0; i < nouts; i++) {
		render(&outs[i], &msg, parts);
		write_row(w, &outs[i], &msg, parts);
	}
	cs_writer_close(w);
	cs_buf_free(&msg);
}

/* ---- --effect ---- */

/* One order of the log. */
struct eorder {
	int64_t		 first_chase;	/* CHASE_NO_TIME: never chased */
	int64_t		 first_holdout;
	bool		 found, paid;
	int64_t		 paid_at;	/* CHASE_NO_TIME: unknown */
	int64_t		 amount;
};

/* One (order, step) of the log: its first chase or holdout. */
struct estep {
	struct eorder	*order;
	const char	*segment, *channel;
	size_t		 seglen, chlen;
	int		 step;
	bool		 holdout;
	int64_t		 due;
	int64_t		 messages, sms_parts;
};

struct egroup {
	const char		*segment, *channel;
	size_t			 seglen, chlen;
	int			 step;
	struct chase_effect	 e;
};

static void
read_log(const struct cs_common *c, int first, int argc, char **argv,
    struct cs_map *eorders, struct cs_map *esteps)
{
	enum { L_ORDER_ID, L_SEGMENT, L_STEP, L_CHANNEL, L_DUE_AT, L_ACTION,
		L_SMS_PARTS, NL };
	static const struct cs_field f[NL] = {
		{ "order_id", CS_FIELD_REQUIRED }, { "segment", 0 },
		{ "step", CS_FIELD_REQUIRED }, { "channel", 0 },
		{ "due_at", CS_FIELD_REQUIRED }, { "action", CS_FIELD_REQUIRED },
		{ "sms_parts", 0 },
	};
	struct cs_buf key = CS_BUF_INIT;

	for (int i = first; i < argc || (i == first && first == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		int col[NL];
		struct cs_reader *r = cs_fields_open(path, &c->in, f, NL, col,
		    false);
		const struct cs_row *row;

		while ((row = cs_reader_next(r)) != NULL) {
			const char *v[NL];
			size_t n[NL];
			int step, kind;
			int64_t due, parts = 0;
			bool created;

			for (int k = 0; k < NL; k++)
				v[k] = cs_row_get(row, col[k], &n[k]);
			if (n[L_ORDER_ID] == 0) {
				cs_reader_reject(r, _("order_id is empty"));
				continue;
			}
			if (chase_step_parse(v[L_STEP], n[L_STEP], &step) != 0) {
				cs_reader_reject(r, _("step %s: not a step (1, 2, ..., sweep or preclose)"),
				    cs_quote(v[L_STEP], n[L_STEP]));
				continue;
			}
			for (kind = 0; kind < 3; kind++)
				if (is_word(v[L_ACTION], n[L_ACTION],
				    action_names[kind]))
					break;
			if (kind == 3) {
				cs_reader_reject(r, _("action %s: not chase, holdout or defer"),
				    cs_quote(v[L_ACTION], n[L_ACTION]));
				continue;
			}
			if (cs_datetime_parse(v[L_DUE_AT], n[L_DUE_AT], &due,
			    NULL) != 0) {
				cs_reader_reject(r, _("due_at %s: not a date-time"),
				    cs_quote(v[L_DUE_AT], n[L_DUE_AT]));
				continue;
			}
			if (n[L_SMS_PARTS] > 0 && (cs_int_parse(v[L_SMS_PARTS],
			    n[L_SMS_PARTS], &parts) != 0 || parts < 0)) {
				cs_reader_reject(r, _("sms_parts %s: not a whole number"),
				    cs_quote(v[L_SMS_PARTS], n[L_SMS_PARTS]));
				continue;
			}
			if (kind == CHASE_ACT_DEFER)
				continue;

			struct cs_map_entry *oe = cs_map_insert(eorders,
			    v[L_ORDER_ID], n[L_ORDER_ID], &created);
			if (created) {
				struct eorder *eo = cs_arena_alloc(&arena, sizeof *eo);
				memset(eo, 0, sizeof *eo);
				eo->first_chase = eo->first_holdout = CHASE_NO_TIME;
				eo->paid_at = CHASE_NO_TIME;
				oe->value = eo;
			}
			struct eorder *eo = oe->value;
			int64_t *first_at = kind == CHASE_ACT_CHASE ?
			    &eo->first_chase : &eo->first_holdout;
			if (*first_at == CHASE_NO_TIME || due < *first_at)
				*first_at = due;

			cs_buf_reset(&key);
			cs_buf_add(&key, v[L_ORDER_ID], n[L_ORDER_ID]);
			cs_buf_printf(&key, "\x1f%d", step);
			struct cs_map_entry *se = cs_map_insert(esteps, key.data,
			    key.len, &created);
			if (created) {
				struct estep *st = cs_arena_alloc(&arena, sizeof *st);
				memset(st, 0, sizeof *st);
				st->order = eo;
				st->segment = cs_arena_strndup(&arena, v[L_SEGMENT],
				    n[L_SEGMENT]);
				st->seglen = n[L_SEGMENT];
				st->channel = cs_arena_strndup(&arena, v[L_CHANNEL],
				    n[L_CHANNEL]);
				st->chlen = n[L_CHANNEL];
				st->step = step;
				st->holdout = kind == CHASE_ACT_HOLDOUT;
				st->due = due;
				se->value = st;
			}
			struct estep *st = se->value;
			if (kind == CHASE_ACT_CHASE) {
				/* A chase after a holdout (a changed --holdout)
				 * makes the step a chased one. */
				if (st->holdout || due < st->due)
					st->due = due;
				st->holdout = false;
				st->messages++;
				st->sms_parts += parts;
			}
		}
		cs_reader_close(r);
	}
	cs_buf_free(&key);
}

/* The later export: whether and when each logged order was paid. */
static void
read_later(const struct cs_common *c, struct cs_map *eorders)
{
	enum { O_ORDER_ID, O_STATUS, O_PAID_AT, O_AMOUNT, O_PAID_AMOUNT, NO };
	static const struct cs_field f[NO] = {
		{ "order_id", CS_FIELD_REQUIRED }, { "status", 0 },
		{ "paid_at", 0 }, { "amount", 0 }, { "paid_amount", 0 },
	};
	int col[NO];
	struct cs_reader *r = cs_fields_open(opt.orders, &c->in, f, NO, col,
	    false);
	const struct cs_row *row;
	struct eorder *prev = NULL;

	if (cs_reader_header(r)->n > 0 && col[O_STATUS] < 0 &&
	    col[O_PAID_AT] < 0) {
		struct cs_field need = { "status", CS_FIELD_REQUIRED };
		int x;
		cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &need, 1,
		    &x);
	}
	while ((row = cs_reader_next(r)) != NULL) {
		const char *v[NO];
		size_t n[NO];
		enum cs_status st = CS_STATUS_UNKNOWN;
		int64_t amount = 0, at;
		int rc;

		for (int k = 0; k < NO; k++)
			v[k] = cs_row_get(row, col[k], &n[k]);
		struct cs_map_entry *e = cs_map_find(eorders, v[O_ORDER_ID],
		    n[O_ORDER_ID]);
		if (e == NULL) {
			prev = NULL;
			continue;	/* an order that was never chased */
		}
		struct eorder *eo = e->value;
		rc = cs_money_parse(v[O_AMOUNT], n[O_AMOUNT], &amount);
		if (rc == CS_VALUE_EMPTY)
			rc = cs_money_parse(v[O_PAID_AMOUNT], n[O_PAID_AMOUNT],
			    &amount);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("amount %s: not an amount of money"),
			    cs_quote(v[O_AMOUNT], n[O_AMOUNT]));
			continue;
		}
		/* Consecutive rows of one order (a sub-order export) add up;
		 * the order's status is its first row's. */
		if (eo == prev) {
			eo->amount += amount;
			continue;
		}
		prev = eo;
		if (eo->found)
			continue;
		rc = cs_status_parse(v[O_STATUS], n[O_STATUS], &st);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("status %s: not an order status"),
			    cs_quote(v[O_STATUS], n[O_STATUS]));
			prev = NULL;
			continue;
		}
		rc = cs_datetime_parse(v[O_PAID_AT], n[O_PAID_AT], &at, NULL);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("paid_at %s: not a date-time"),
			    cs_quote(v[O_PAID_AT], n[O_PAID_AT]));
			prev = NULL;
			continue;
		}
		if (col[O_STATUS] < 0 || n[O_STATUS] == 0)
			st = rc == 0 ? CS_STATUS_PAID : CS_STATUS_UNPAID;
		eo->found = true;
		eo->paid = st == CS_STATUS_PAID;
		eo->paid_at = rc == 0 ? at : CHASE_NO_TIME;
		eo->amount = amount;
	}
	cs_reader_close(r);
}

/* Paid after t: a payment without a time counts as after. */
static bool
paid_after(const struct eorder *eo, int64_t t)
{
	return eo->paid && (eo->paid_at == CHASE_NO_TIME || eo->paid_at >= t);
}

static int
cmp_str(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = memcmp(a, b, n);

	if (c != 0)
		return c;
	return (an > bn) - (an < bn);
}

static int
cmp_group(const void *pa, const void *pb)
{
	const struct egroup *a = *(const struct egroup *const *)pa;
	const struct egroup *b = *(const struct egroup *const *)pb;
	int c;

	if ((c = cmp_str(a->segment, a->seglen, b->segment, b->seglen)) != 0)
		return c;
	if ((c = cmp_str(a->channel, a->chlen, b->channel, b->chlen)) != 0)
		return c;
	return (a->step > b->step) - (a->step < b->step);
}

static void
write_effect_row(struct cs_writer *w, const char *seg, size_t seglen,
    const char *ch, size_t chlen, const char *step,
    const struct chase_effect *e)
{
	bool text = cs_writer_format(w) == CS_FORMAT_TEXT;
	char b[CS_FMT_BUFSIZE];
	double d, lo, hi;
	bool have = chase_uplift(e, &d, &lo, &hi) == 0;
	int64_t cost = e->sms_parts * opt.sms_cost;	/* 1/10000 yuan */
	int64_t rec = have ? chase_recovered(d, e->amount) : 0;

	cs_writer_field(w, seg, seglen);
	cs_writer_field(w, ch, chlen);
	cs_writer_str(w, step);
	cs_writer_str(w, cs_fmt_int(b, e->chased));
	cs_writer_str(w, cs_fmt_int(b, e->chased_paid));
	cs_writer_str(w, text ? cs_fmt_percent(b, e->chased_paid, e->chased, 1) :
	    cs_fmt_ratio(b, e->chased_paid, e->chased, 4));
	cs_writer_str(w, cs_fmt_int(b, e->holdout));
	cs_writer_str(w, cs_fmt_int(b, e->holdout_paid));
	cs_writer_str(w, text ? cs_fmt_percent(b, e->holdout_paid, e->holdout, 1) :
	    cs_fmt_ratio(b, e->holdout_paid, e->holdout, 4));
	for (int k = 0; k < 3; k++) {
		double x = k == 0 ? d : k == 1 ? lo : hi;
		if (!have)
			cs_writer_str(w, "");
		else if (text) {
			cs_fmt_double(b, x * 100, 1);
			strcat(b, "%");
			cs_writer_str(w, b);
		} else
			cs_writer_str(w, cs_fmt_double(b, x, 4));
	}
	cs_writer_str(w, have ? cs_fmt_ratio(b, rec, 100, 2) : "");
	cs_writer_str(w, cs_fmt_int(b, e->messages));
	cs_writer_str(w, cs_fmt_int(b, e->sms_parts));
	cs_writer_str(w, cs_fmt_ratio(b, cost, 10000, 2));
	cs_writer_str(w, have && cost > 0 ? cs_fmt_ratio(b, rec * 100, cost, 2) :
	    "");
	cs_writer_end(w);
}

static int
run_effect(const struct cs_common *c, int first, int argc, char **argv)
{
	static const char *const names[] = { "segment", "channel", "step",
		"chased", "chased_paid", "chased_rate", "holdout",
		"holdout_paid", "holdout_rate", "uplift", "uplift_low",
		"uplift_high", "recovered", "messages", "sms_parts", "cost",
		"roi" };
	struct cs_map eorders, esteps, groups;
	struct cs_buf key = CS_BUF_INIT;
	struct chase_effect total;
	unsigned long missing = 0;
	char step[CHASE_STEP_BUFSIZE];

	cs_map_init(&eorders);
	cs_map_init(&esteps);
	cs_map_init(&groups);
	memset(&total, 0, sizeof total);
	struct cs_sink *out = cs_cli_open_output(c);
	read_log(c, first, argc, argv, &eorders, &esteps);
	read_later(c, &eorders);

	for (size_t i = 0; i < cs_map_count(&esteps); i++) {
		const struct estep *st = cs_map_entry(&esteps, i)->value;
		const struct eorder *eo = st->order;
		bool created;
		if (!eo->found)
			continue;
		cs_buf_reset(&key);
		cs_buf_add(&key, st->segment, st->seglen);
		cs_buf_addc(&key, '\x1f');
		cs_buf_add(&key, st->channel, st->chlen);
		cs_buf_printf(&key, "\x1f%d", st->step);
		struct cs_map_entry *e = cs_map_insert(&groups, key.data, key.len,
		    &created);
		if (created) {
			struct egroup *g = cs_arena_alloc(&arena, sizeof *g);
			memset(g, 0, sizeof *g);
			g->segment = st->segment;
			g->seglen = st->seglen;
			g->channel = st->channel;
			g->chlen = st->chlen;
			g->step = st->step;
			e->value = g;
		}
		struct chase_effect *ge = &((struct egroup *)e->value)->e;
		if (st->holdout) {
			ge->holdout++;
			ge->holdout_paid += paid_after(eo, st->due);
		} else {
			ge->chased++;
			ge->chased_paid += paid_after(eo, st->due);
			ge->amount += eo->amount;
		}
		ge->messages += st->messages;
		ge->sms_parts += st->sms_parts;
		total.messages += st->messages;
		total.sms_parts += st->sms_parts;
	}
	/* The total counts each order once, from its first chase (or its
	 * first holdout, for an order never chased). */
	for (size_t i = 0; i < cs_map_count(&eorders); i++) {
		const struct eorder *eo = cs_map_entry(&eorders, i)->value;
		if (!eo->found) {
			missing++;
			continue;
		}
		if (eo->first_chase != CHASE_NO_TIME) {
			total.chased++;
			total.chased_paid += paid_after(eo, eo->first_chase);
			total.amount += eo->amount;
		} else {
			total.holdout++;
			total.holdout_paid += paid_after(eo, eo->first_holdout);
		}
	}
	if (missing > 0)
		cs_warn(P_("%lu order of the log is not in %s: left out",
		    "%lu orders of the log are not in %s: left out", missing),
		    missing, opt.orders);

	size_t ng = cs_map_count(&groups);
	struct egroup **sorted = cs_xcalloc(ng + 1, sizeof *sorted);
	for (size_t i = 0; i < ng; i++)
		sorted[i] = cs_map_entry(&groups, i)->value;
	qsort(sorted, ng, sizeof *sorted, cmp_group);
	struct cs_writer *w = cs_writer_new(out, c->format, c->bom);
	cs_writer_header(w, names, sizeof names / sizeof names[0]);
	for (size_t i = 0; i < ng; i++)
		write_effect_row(w, sorted[i]->segment, sorted[i]->seglen,
		    sorted[i]->channel, sorted[i]->chlen,
		    chase_step_format(sorted[i]->step, step), &sorted[i]->e);
	cs_writer_rule(w);
	write_effect_row(w, "total", 5, "", 0, "", &total);
	cs_writer_close(w);

	free(sorted);
	cs_buf_free(&key);
	cs_map_free(&eorders);
	cs_map_free(&esteps);
	cs_map_free(&groups);
	return cs_cli_finish(out);
}

/* ---- main ---- */

static int64_t
clock_now(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return cs_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday) * DAY + tm.tm_hour * 3600 + tm.tm_min * 60 +
	    tm.tm_sec;
}

static bool
reads_stdin(const char *path, int first, int argc, char **argv)
{
	bool stdin_used = first == argc;

	if (path == NULL || strcmp(path, "-") != 0)
		return false;
	for (int i = first; i < argc; i++)
		stdin_used |= strcmp(argv[i], "-") == 0;
	return stdin_used;
}

static void
check_options(int first, int argc, char **argv)
{
	if (opt.effect) {
		if (opt.orders == NULL)
			cs_usage_error(_("--effect needs --orders FILE, a later order export"));
		if (opt.plan)
			cs_usage_error(_("--effect reads a log: it takes no --plan"));
		if (reads_stdin(opt.orders, first, argc, argv))
			cs_usage_error(_("--orders -: standard input is already the log"));
		return;
	}
	if (opt.orders != NULL || opt.sms_cost_set)
		cs_usage_error(_("--orders and --sms-cost are for --effect"));
	if (opt.plan && opt.cfg.deadline == CHASE_NO_TIME)
		cs_usage_error(_("--plan lists the actions up to the deadline: it needs --deadline"));
	const char *side[] = { opt.sent, opt.blacklist, opt.templates,
		opt.inquiries, opt.agents };
	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++)
		if (reads_stdin(side[i], first, argc, argv))
			cs_usage_error(_("%s: standard input is already the order input"),
			    "-");
}

int
main(int argc, char **argv)
{
	struct cs_common c;
	int first;

	opt.cfg.deadline = CHASE_NO_TIME;
	opt.cfg.auto_close = 72 * 3600;
	opt.cfg.sweep = 2 * 3600;
	opt.cfg.preclose = 2 * 3600;
	opt.cfg.max_per_day = 3;
	opt.cfg.fallback = true;
	opt.cfg.windows = &opt.windows;
	chase_schedule_parse("10m,2h", &opt.cfg);
	chase_windows_default(&opt.windows);
	opt.sms_max = 2;
	opt.sms_cost = 500;
	opt.salt = "";
	cs_arena_init(&arena);
	first = cs_cli_parse(&tool, argc, argv, &c);
	check_options(first, argc, argv);
	if (opt.effect)
		return run_effect(&c, first, argc, argv);
	if (!opt.now_set)
		opt.now = clock_now();

	cs_map_init(&buyers);
	cs_map_init(&logged);
	cs_map_init(&blacklist);
	cs_map_init(&seen);
	cs_map_init(&warned_sms);
	chase_templates_init(&templates);
	chase_agents_init(&agents);
	struct cs_sink *out = cs_cli_open_output(&c);
	/* The log first: it may be the file the output is appended to. */
	if (opt.sent != NULL)
		load_sent(&c);
	if (opt.blacklist != NULL)
		load_blacklist(&c);
	if (opt.templates != NULL)
		load_templates(&c);
	if (opt.agents != NULL)
		load_agents(&c);
	if (opt.inquiries != NULL)
		load_inquiries(&c);
	read_orders(&c, first, argc, argv);

	decide_all();
	if (nouts > 0)
		qsort(outs, nouts, sizeof *outs, cmp_out);
	assign_all();
	write_list(out, &c);

	for (size_t i = 0; i < cs_map_count(&buyers); i++)
		free(((struct buyer *)cs_map_entry(&buyers, i)->value)->chases.t);
	free(outs);
	free(orders);
	cs_map_free(&buyers);
	cs_map_free(&logged);
	cs_map_free(&blacklist);
	cs_map_free(&seen);
	cs_map_free(&warned_sms);
	chase_templates_free(&templates);
	chase_agents_free(&agents);
	cs_arena_free(&arena);
	return cs_cli_finish(out);
}
