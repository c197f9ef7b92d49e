/*
 * cs-segment: which unpaid orders to chase, through which channel, with
 * which message. Reads an order export as the platform writes it, puts the
 * lines of each order together, keeps the unpaid ones, adds the buyer's
 * member tier (--members) and the item's role and category (--items), and
 * gives each order the segment, channel, template and priority of the
 * first rule that matches (--rules, or the built-in rules).
 *
 * Streams: memory holds the side files, the rules and one order (with
 * --summary one entry per segment and channel), never the export.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

#include "items.h"
#include "order.h"
#include "rules.h"
#include "summary.h"
#include "values.h"

/* Fields of an order export. */
enum {
	F_ORDER_ID, F_BUYER, F_NAME, F_PHONE, F_SHOP, F_STATUS, F_CREATED_AT,
	F_PAID_AT, F_AMOUNT, F_ITEM, F_SKU, F_CATEGORY, F_SUBORDER_ID,
	F_PRESALE, F_STAGE, F_TIER, F_ROLE, NFIELDS
};

static const struct cs_field order_fields[NFIELDS] = {
	{ "order_id", CS_FIELD_REQUIRED }, { "buyer", 0 }, { "name", 0 },
	{ "phone", 0 }, { "shop", 0 }, { "status", 0 }, { "created_at", 0 },
	{ "paid_at", 0 }, { "amount", CS_FIELD_REQUIRED }, { "item", 0 },
	{ "sku", 0 }, { "category", 0 }, { "suborder_id", 0 },
	{ "presale", 0 }, { "stage", 0 }, { "tier", 0 }, { "role", 0 },
};

/* The text of an order comes from these fields. */
static const int text_field[SEG_NTEXT] = {
	F_ORDER_ID, F_BUYER, F_NAME, F_PHONE, F_SHOP, F_ITEM, F_SKU, F_CATEGORY,
};

/* The output columns: the order, then what cs-segment adds. */
static const char *const out_columns[] = {
	"order_id", "buyer", "name", "phone", "shop", "status", "created_at",
	"paid_at", "amount", "item", "sku", "tier", "role", "category",
	"stage", "segment", "channel", "template", "priority", "rule",
};

/* Rank of the groups no rule gives, after every rule in --summary. */
#define RANK_UNMATCHED	((size_t)SIZE_MAX - 2)
#define RANK_PAID	((size_t)SIZE_MAX - 1)
#define RANK_CLOSED	((size_t)SIZE_MAX)

/* Distinct status and presale texts remembered (exports have a few). */
#define MEMO_MAX	1024

enum {
	OPT_MEMBERS = CS_OPT_TOOL, OPT_ITEMS, OPT_RULES, OPT_PRINT_RULES,
	OPT_SMALL, OPT_BIG, OPT_SUMMARY, OPT_NOW
};

static const struct cs_option options[] = {
	{ "members", OPT_MEMBERS, true, "FILE",
	    N_("member tiers: columns buyer and tier\n(买家会员名, 会员等级); others are tier 0") },
	{ "items", OPT_ITEMS, true, "FILE",
	    N_("item roles and categories: columns sku,\nkeyword, role, category") },
	{ "rules", OPT_RULES, true, "FILE",
	    N_("segmentation rules, a CSV: the first row\nthat matches wins (see --print-rules)") },
	{ "print-rules", OPT_PRINT_RULES, false, NULL,
	    N_("write the rules in effect as a rules file") },
	{ "small", OPT_SMALL, true, "YUAN",
	    N_("built-in rules: orders below YUAN are not\nchased (default 10)") },
	{ "big", OPT_BIG, true, "YUAN",
	    N_("built-in rules: orders of YUAN or more of\nsenior members get a call (default 500)") },
	{ "all", 'a', false, NULL,
	    N_("keep paid and closed orders (segments paid\nand closed)") },
	{ "summary", 's', false, NULL,
	    N_("orders and amount per segment and channel") },
	{ "now", OPT_NOW, true, "TIME",
	    N_("the time hours_min and hours_max count\nback from (default: the clock)") },
	{ "verbose", 'v', false, NULL,
	    N_("count the orders kept and dropped on\nstandard error") },
	{ NULL, 0, false, NULL, NULL }
};

static struct {
	const char	*members;
	const char	*items;
	const char	*rules;
	bool		 print_rules;
	int64_t		 small, big;
	bool		 small_set, big_set;
	bool		 all;
	bool		 summary;
	bool		 has_now;
	int64_t		 now;
	bool		 verbose;
} opt;

static int64_t
money_option(const char *name, const char *arg)
{
	int64_t v;

	if (cs_money_parse(arg, strlen(arg), &v) != 0 || v < 0)
		cs_usage_error(_("--%s %s: not an amount in yuan"), name,
		    cs_quote(arg, strlen(arg)));
	return v;
}

static void
handle(int key, const char *arg)
{
	int64_t t;

	switch (key) {
	case OPT_MEMBERS:
		opt.members = arg;
		break;
	case OPT_ITEMS:
		opt.items = arg;
		break;
	case OPT_RULES:
		opt.rules = arg;
		break;
	case OPT_PRINT_RULES:
		opt.print_rules = true;
		break;
	case OPT_SMALL:
		opt.small = money_option("small", arg);
		opt.small_set = true;
		break;
	case OPT_BIG:
		opt.big = money_option("big", arg);
		opt.big_set = true;
		break;
	case 'a':
		opt.all = true;
		break;
	case 's':
		opt.summary = true;
		break;
	case OPT_NOW:
		if (cs_datetime_parse(arg, strlen(arg), &t, NULL) != 0)
			cs_usage_error(_("--now %s: not a date or date-time"),
			    cs_quote(arg, strlen(arg)));
		opt.now = t;
		opt.has_now = true;
		break;
	case 'v':
		opt.verbose = true;
		break;
	default:
		break;
	}
}

static const struct cs_tool tool = {
	"cs-segment",
	N_("Segment unpaid orders for payment chasing (催付): by member tier, product\n"
	    "role, category, amount and presale balance, each order gets a segment,\n"
	    "a channel, a message template and a priority."),
	N_("An order is unpaid when its status says so, or when it has no status\n"
	    "and paid_at is empty; a presale with the deposit paid and the balance\n"
	    "not is unpaid with stage balance. Consecutive lines with the same\n"
	    "order_id are one order. The built-in rules, first match wins:\n"
	    "  amount below --small          skip      none\n"
	    "  stage balance                 balance   wangwang  priority 90\n"
	    "  tier 2+ and amount >= --big   vip_big   phone     priority 80\n"
	    "  role 活动 (promotion)         promo     wangwang  priority 70\n"
	    "  any other                     standard  wangwang  priority 50\n"
	    "Output columns: order_id, buyer, name, phone, shop, status, created_at,\n"
	    "paid_at, amount, item, sku, tier, role, category, stage, segment,\n"
	    "channel, template, priority, rule."),
	options,
	handle,
};

/* Counts for -v and the closing warnings. */
static struct {
	int64_t	 lines, orders, unpaid, balance, paid, closed, unmatched;
} count;

/* Side tables. */
static struct cs_map	 members;	/* buyer -> struct member */
static struct seg_items	 items;
static struct seg_rules	 rules;
static struct seg_summary summary;

struct member {
	int	 tier;
	long	 line;
};

/* A bounded memo from text to a small value (status, presale). */
struct memo {
	struct cs_map	 map;
};

static int
memo_get(struct memo *m, const char *s, size_t n, int *v)
{
	struct cs_map_entry *e = cs_map_find(&m->map, s, n);

	if (e == NULL)
		return 0;
	*v = (int)(intptr_t)e->value;
	return 1;
}

static void
memo_put(struct memo *m, const char *s, size_t n, int v)
{
	if (cs_map_count(&m->map) < MEMO_MAX)
		cs_map_insert(&m->map, s, n, NULL)->value = (void *)(intptr_t)v;
}

static struct memo status_memo, presale_memo;

/* Parse a status through the memo: as cs_status_parse. */
static int
status_of(const char *s, size_t n, enum cs_status *st)
{
	int v;

	if (n == 0)
		return CS_VALUE_EMPTY;
	if (!memo_get(&status_memo, s, n, &v)) {
		enum cs_status x = CS_STATUS_UNKNOWN;
		int rc = cs_status_parse(s, n, &x);
		v = rc == 0 ? (int)x : rc == CS_VALUE_EMPTY ? -2 : -1;
		memo_put(&status_memo, s, n, v);
	}
	if (v == -1)
		return CS_VALUE_INVALID;
	if (v == -2)
		return CS_VALUE_EMPTY;
	*st = (enum cs_status)v;
	return 0;
}

static enum seg_presale
presale_of(const char *s, size_t n)
{
	int v;

	if (n == 0)
		return SEG_PRESALE_NONE;
	if (!memo_get(&presale_memo, s, n, &v)) {
		v = (int)seg_presale_parse(s, n);
		memo_put(&presale_memo, s, n, v);
	}
	return (enum seg_presale)v;
}

/* Warnings about duplicate keys in a side file: the first shown, then a count. */
struct dups {
	const char	*file;
	unsigned long	 n;
};

static void
dup_warn(struct dups *d, long line, const char *what, const char *s,
    size_t n, long first)
{
	if (++d->n <= CS_REJECTS_SHOWN)
		cs_warn_at(d->file, line, _("%s %s again (first on line %ld): the first kept"),
		    what, cs_quote(s, n), first);
}

static void
dup_done(struct dups *d)
{
	if (d->n > CS_REJECTS_SHOWN)
		cs_warn_at(d->file, 0, _("%lu duplicates in all, the first row of each kept"),
		    d->n);
}

/* Fail on "-" as a side file when standard input is also the export. */
static void
check_stdin(const char *opt_name, const char *path, int first, int argc,
    char **argv)
{
	bool stdin_used = first == argc;

	if (path == NULL || strcmp(path, "-") != 0)
		return;
	for (int i = first; i < argc; i++)
		stdin_used |= strcmp(argv[i], "-") == 0;
	if (stdin_used)
		cs_usage_error(_("--%s -: standard input is already the order input"),
		    opt_name);
}

/* Fail when a file has a column for neither field a nor field b. */
static void
need_one_of(const struct cs_reader *r, const char *a, const char *b)
{
	const struct cs_row *hdr = cs_reader_header(r);
	struct cs_buf found = CS_BUF_INIT;

	for (size_t i = 0; i < hdr->n; i++)
		cs_buf_printf(&found, "%s%s", i > 0 ? ", " : "", hdr->v[i]);
	cs_die(_("%s: no column for field '%s' or '%s' (found: %s); name one with --map %s=HEADER"),
	    cs_reader_name(r), a, b, found.data, a);
}

static void
load_members(const struct cs_common *c)
{
	static const struct cs_field f[] = {
		{ "buyer", CS_FIELD_REQUIRED }, { "tier", CS_FIELD_REQUIRED },
	};
	int col[2];
	struct cs_reader *r = cs_fields_open(opt.members, &c->in, f, 2, col,
	    false);
	struct dups d = { cs_reader_name(r), 0 };
	const struct cs_row *row;

	while ((row = cs_reader_next(r)) != NULL) {
		size_t bn, tn;
		const char *buyer = cs_row_get(row, col[0], &bn);
		const char *tier = cs_row_get(row, col[1], &tn);
		int t = 0;
		bool created;

		if (bn == 0) {
			cs_reader_reject(r, _("buyer is empty"));
			continue;
		}
		if (seg_tier_parse(tier, tn, &t) == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("tier %s: not a member tier (0-4, 非会员, 普通会员, 高级会员, VIP会员, 至尊VIP, or none, regular, senior, vip, svip)"),
			    cs_quote(tier, tn));
			continue;
		}
		struct cs_map_entry *e = cs_map_insert(&members, buyer, bn,
		    &created);
		if (!created) {
			const struct member *m = e->value;
			dup_warn(&d, row->line, "buyer", buyer, bn, m->line);
			continue;
		}
		struct member *m = cs_arena_alloc(&members.arena, sizeof *m);
		m->tier = t;
		m->line = row->line;
		e->value = m;
	}
	dup_done(&d);
	cs_reader_close(r);
}

static void
load_items(const struct cs_common *c)
{
	static const struct cs_field f[] = {
		{ "sku", 0 }, { "keyword", 0 }, { "role", 0 }, { "category", 0 },
	};
	int col[4];
	struct cs_reader *r = cs_fields_open(opt.items, &c->in, f, 4, col,
	    false);
	struct dups d = { cs_reader_name(r), 0 };
	const struct cs_row *row;

	if (cs_reader_header(r)->n > 0) {
		if (col[0] < 0 && col[1] < 0)
			need_one_of(r, "sku", "keyword");
		if (col[2] < 0 && col[3] < 0)
			need_one_of(r, "role", "category");
	}
	while ((row = cs_reader_next(r)) != NULL) {
		size_t sn, kn, rn, cn;
		const char *sku = cs_row_get(row, col[0], &sn);
		const char *kw = cs_row_get(row, col[1], &kn);
		const char *role = cs_row_get(row, col[2], &rn);
		const char *cat = cs_row_get(row, col[3], &cn);
		enum seg_role ro = SEG_ROLE_NONE;

		if (sn == 0 && kn == 0) {
			cs_reader_reject(r, _("sku and keyword are both empty"));
			continue;
		}
		if (seg_role_parse(role, rn, &ro) == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("role %s: must be 引流, 利润, 活动 or 独家"),
			    cs_quote(role, rn));
			continue;
		}
		const struct seg_item *first = seg_items_add(&items, sku, sn,
		    kw, kn, ro, cat, cn, row->line);
		if (first != NULL) {
			if (sn > 0)
				dup_warn(&d, row->line, "sku", sku, sn, first->line);
			else
				dup_warn(&d, row->line, "keyword", kw, kn, first->line);
		}
	}
	dup_done(&d);
	cs_reader_close(r);
}

static void
load_rules(const struct cs_common *c)
{
	struct cs_field f[SEG_NCOLS];
	int col[SEG_NCOLS];
	struct cs_buf err = CS_BUF_INIT;
	const struct cs_row *row;

	for (int i = 0; i < SEG_NCOLS; i++) {
		f[i].name = seg_rule_columns[i];
		f[i].flags = i == SEG_COL_SEGMENT || i == SEG_COL_CHANNEL ?
		    CS_FIELD_REQUIRED : 0;
	}
	struct cs_reader *r = cs_fields_open(opt.rules, &c->in, f, SEG_NCOLS,
	    col, false);
	while ((row = cs_reader_next(r)) != NULL) {
		const char *v[SEG_NCOLS];
		size_t n[SEG_NCOLS];
		for (int i = 0; i < SEG_NCOLS; i++) {
			v[i] = col[i] >= 0 ? cs_row_get(row, col[i], &n[i]) : NULL;
			if (v[i] == NULL)
				n[i] = 0;
		}
		if (seg_rules_add(&rules, v, n, &err) != 0)
			cs_die_at(cs_reader_name(r), row->line, "%s", err.data);
	}
	if (rules.n == 0)
		cs_die(_("%s: no rules"), cs_reader_name(r));
	cs_reader_close(r);
	cs_buf_free(&err);
}

static void
print_rules(struct cs_writer *w)
{
	struct cs_buf b = CS_BUF_INIT;

	cs_writer_header(w, seg_rule_columns, SEG_NCOLS);
	for (size_t i = 0; i < rules.n; i++) {
		for (int col = 0; col < SEG_NCOLS; col++) {
			seg_rule_value(&rules.v[i], (enum seg_rule_col)col, &b);
			cs_writer_field(w, b.data, b.len);
		}
		cs_writer_end(w);
	}
	cs_buf_free(&b);
}

/* The clock as naive local time, for --now's default. */
static int64_t
clock_now(void)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		cs_die(_("cannot read the clock: give --now"));
	return cs_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday) * CS_DAY_SECONDS + tm.tm_hour * 3600 +
	    tm.tm_min * 60 + tm.tm_sec;
}

/* Parse a time field of the current row; false after a reject. */
static bool
time_field(struct cs_reader *r, const struct cs_row *row, const int *col,
    int f, bool *has, int64_t *v)
{
	size_t n;
	const char *s = cs_row_get(row, col[f], &n);
	int rc;

	*v = 0;
	rc = cs_datetime_parse(s, n, v, NULL);

	if (rc == CS_VALUE_INVALID) {
		cs_reader_reject(r, _("%s %s: not a date or date-time"),
		    order_fields[f].name, cs_quote(s, n));
		return false;
	}
	*has = rc == 0;
	return true;
}

/* Parse one export line into l; false (and rejected) if it is bad. */
static bool
parse_line(struct cs_reader *r, const struct cs_row *row, const int *col,
    struct seg_line *l)
{
	size_t n;
	const char *s;
	enum cs_status st = CS_STATUS_UNKNOWN;
	int rc;

	for (int i = 0; i < SEG_NTEXT; i++)
		l->text[i] = cs_row_get(row, col[text_field[i]], &l->len[i]);
	l->line = row->line;
	rc = cs_id_check(l->text[SEG_T_ID], l->len[SEG_T_ID]);
	if (rc == CS_VALUE_EMPTY) {
		cs_reader_reject(r, _("order_id is empty"));
		return false;
	}
	if (rc == CS_ID_SCIENTIFIC) {
		cs_reader_reject(r, _("order_id %s: a number in scientific notation (an Excel round-trip lost its digits)"),
		    cs_quote(l->text[SEG_T_ID], l->len[SEG_T_ID]));
		return false;
	}
	s = cs_row_get(row, col[F_STATUS], &n);
	rc = status_of(s, n, &st);
	if (rc == CS_VALUE_INVALID) {
		cs_reader_reject(r, _("status %s: not an order status"),
		    cs_quote(s, n));
		return false;
	}
	if (!time_field(r, row, col, F_PAID_AT, &l->has_paid, &l->paid) ||
	    !time_field(r, row, col, F_CREATED_AT, &l->has_created,
	    &l->created))
		return false;
	l->status = seg_status_decide(rc == 0, st, col[F_PAID_AT] >= 0,
	    l->has_paid);
	if (l->status == CS_STATUS_UNKNOWN) {
		cs_reader_reject(r, _("status is empty (and there is no paid_at column)"));
		return false;
	}
	s = cs_row_get(row, col[F_AMOUNT], &n);
	rc = cs_money_parse(s, n, &l->amount);
	if (rc == CS_VALUE_EMPTY) {
		cs_reader_reject(r, _("amount is empty"));
		return false;
	}
	if (rc != 0 || l->amount < 0) {
		cs_reader_reject(r, _("amount %s: not an amount of money"),
		    cs_quote(s, n));
		return false;
	}
	s = cs_row_get(row, col[F_PRESALE], &n);
	l->presale = presale_of(s, n);
	s = cs_row_get(row, col[F_STAGE], &n);
	enum seg_stage stage = SEG_STAGE_ORDER;
	l->balance = n > 0 && seg_stage_parse(s, n, &stage) == 0 &&
	    stage == SEG_STAGE_BALANCE;
	l->tier = -1;
	s = cs_row_get(row, col[F_TIER], &n);
	if (n > 0 && seg_tier_parse(s, n, &l->tier) != 0) {
		cs_reader_reject(r, _("tier %s: not a member tier"), cs_quote(s, n));
		return false;
	}
	l->role = SEG_ROLE_NONE;
	s = cs_row_get(row, col[F_ROLE], &n);
	if (seg_role_parse(s, n, &l->role) == CS_VALUE_INVALID) {
		cs_reader_reject(r, _("role %s: must be 引流, 利润, 活动 or 独家"),
		    cs_quote(s, n));
		return false;
	}
	return true;
}

static void
put_time(struct cs_writer *w, bool has, int64_t t)
{
	char buf[CS_DATETIME_BUFSIZE];

	if (has)
		cs_writer_str(w, cs_datetime_format(t, buf));
	else
		cs_writer_field(w, "", 0);
}

static void
put_text(struct cs_writer *w, const struct seg_order *o, enum seg_text t)
{
	cs_writer_field(w, o->text[t].data, o->text[t].len);
}

/* Segment, enrich and write (or count) a finished order. */
static void
emit(struct cs_writer *w, struct seg_order *o, bool line_amounts)
{
	struct seg_facts f;
	const struct seg_rule *rule = NULL;
	const char *segment, *template = "", *why;
	enum seg_channel channel = SEG_CHANNEL_NONE;
	int priority = 0;
	size_t rank;

	seg_order_finish(o, line_amounts);
	count.orders++;
	switch (o->status) {
	case CS_STATUS_UNPAID:
		count.unpaid++;
		count.balance += o->stage == SEG_STAGE_BALANCE;
		break;
	case CS_STATUS_PAID:
		count.paid++;
		break;
	default:
		count.closed++;
		break;
	}
	if (o->status != CS_STATUS_UNPAID && !opt.all)
		return;

	memset(&f, 0, sizeof f);
	f.tier = o->tier >= 0 ? o->tier : 0;
	if (o->text[SEG_T_BUYER].len > 0 && cs_map_count(&members) > 0) {
		struct cs_map_entry *e = cs_map_find(&members,
		    o->text[SEG_T_BUYER].data, o->text[SEG_T_BUYER].len);
		if (e != NULL)
			f.tier = ((const struct member *)e->value)->tier;
	}
	const struct seg_item *it = seg_items_match(&items,
	    o->text[SEG_T_SKU].data, o->text[SEG_T_SKU].len,
	    o->text[SEG_T_ITEM].data, o->text[SEG_T_ITEM].len);
	if (it != NULL) {
		f.role = it->role;
		f.category = it->category;
		f.category_len = it->category_len;
	} else {
		f.role = o->role;
		f.category = o->text[SEG_T_CATEGORY].data;
		f.category_len = o->text[SEG_T_CATEGORY].len;
	}
	f.stage = o->stage;
	f.amount = o->amount;
	f.item = o->text[SEG_T_ITEM].data;
	f.item_len = o->text[SEG_T_ITEM].len;
	f.has_age = o->has_created && opt.has_now;
	f.age = f.has_age ? opt.now - o->created : 0;

	if (o->status == CS_STATUS_PAID) {
		segment = "paid";
		why = _("paid: not chased");
		rank = RANK_PAID;
	} else if (o->status == CS_STATUS_CLOSED) {
		segment = "closed";
		why = _("closed: not chased");
		rank = RANK_CLOSED;
	} else if ((rule = seg_rules_match(&rules, &f)) != NULL) {
		segment = rule->segment;
		channel = rule->channel;
		template = rule->template;
		priority = rule->priority;
		why = rule->rule;
		rank = rule->index;
	} else {
		count.unmatched++;
		segment = "unmatched";
		why = _("no rule matched");
		rank = RANK_UNMATCHED;
	}
	if (opt.summary) {
		seg_summary_add(&summary, segment, channel, rank, o->amount);
		return;
	}

	char buf[CS_MONEY_BUFSIZE];
	put_text(w, o, SEG_T_ID);
	put_text(w, o, SEG_T_BUYER);
	put_text(w, o, SEG_T_NAME);
	put_text(w, o, SEG_T_PHONE);
	put_text(w, o, SEG_T_SHOP);
	cs_writer_str(w, cs_status_name(o->status));
	put_time(w, o->has_created, o->created);
	put_time(w, o->has_paid, o->paid);
	cs_writer_str(w, cs_money_format(o->amount, buf));
	put_text(w, o, SEG_T_ITEM);
	put_text(w, o, SEG_T_SKU);
	buf[0] = (char)('0' + f.tier);
	cs_writer_field(w, buf, 1);
	cs_writer_str(w, seg_role_name(f.role));
	cs_writer_field(w, f.category, f.category_len);
	cs_writer_str(w, seg_stage_name(o->stage));
	cs_writer_str(w, segment);
	cs_writer_str(w, seg_channel_name(channel));
	cs_writer_str(w, template);
	cs_writer_str(w, cs_fmt_int(buf, priority));
	cs_writer_str(w, why);
	cs_writer_end(w);
}

/* Read one order export, writing its orders as they end. */
static void
segment_file(const char *path, const struct cs_common *c,
    struct cs_writer *w, struct seg_order *o)
{
	int col[NFIELDS];
	struct cs_reader *r = cs_fields_open(path, &c->in, order_fields,
	    NFIELDS, col, false);
	const struct cs_row *row;
	struct seg_line l;

	if (cs_reader_header(r)->n > 0 && col[F_STATUS] < 0 &&
	    col[F_PAID_AT] < 0)
		need_one_of(r, "status", "paid_at");
	bool line_amounts = col[F_SUBORDER_ID] >= 0;
	o->nlines = 0;
	while ((row = cs_reader_next(r)) != NULL) {
		count.lines++;
		if (!parse_line(r, row, col, &l))
			continue;
		if (seg_order_same(o, l.text[SEG_T_ID], l.len[SEG_T_ID])) {
			seg_order_add(o, &l);
			continue;
		}
		if (o->nlines > 0)
			emit(w, o, line_amounts);
		seg_order_start(o, &l);
	}
	if (o->nlines > 0)
		emit(w, o, line_amounts);
	o->nlines = 0;
	cs_reader_close(r);
}

static void
write_summary(struct cs_writer *w)
{
	static const char *const names[] = { "segment", "channel", "orders",
		"amount" };
	struct seg_group **g;
	size_t n = seg_summary_sorted(&summary, &g);
	char buf[CS_FMT_BUFSIZE];

	cs_writer_header(w, names, 4);
	for (size_t i = 0; i < n; i++) {
		cs_writer_str(w, g[i]->segment);
		cs_writer_str(w, seg_channel_name(g[i]->channel));
		cs_writer_str(w, cs_fmt_int(buf, g[i]->orders));
		cs_writer_str(w, cs_money_format(g[i]->amount, buf));
		cs_writer_end(w);
	}
	if (cs_writer_format(w) == CS_FORMAT_TEXT) {
		cs_writer_rule(w);
		cs_writer_str(w, _("total"));
		cs_writer_str(w, "");
		cs_writer_str(w, cs_fmt_int(buf, summary.total.orders));
		cs_writer_str(w, cs_money_format(summary.total.amount, buf));
		cs_writer_end(w);
	}
	free(g);
}

static void
report_counts(void)
{
	if (count.unmatched > 0)
		cs_warn(_("%lld unpaid orders matched no rule (segment unmatched)"),
		    (long long)count.unmatched);
	if (!opt.verbose)
		return;
	bool q = cs_diag_quiet();
	cs_diag_set_quiet(false);
	cs_warn(_("%lld orders from %lld lines: %lld unpaid (%lld presale balance), %lld paid and %lld closed %s"),
	    (long long)count.orders, (long long)count.lines,
	    (long long)count.unpaid, (long long)count.balance,
	    (long long)count.paid, (long long)count.closed,
	    opt.all ? _("kept") : _("dropped"));
	cs_diag_set_quiet(q);
}

int
main(int argc, char **argv)
{
	struct cs_common c;
	struct seg_order o;
	int first;

	opt.small = SEG_SMALL_DEFAULT;
	opt.big = SEG_BIG_DEFAULT;
	first = cs_cli_parse(&tool, argc, argv, &c);
	if (opt.rules != NULL && (opt.small_set || opt.big_set))
		cs_usage_error(_("--small and --big change the built-in rules: they do not go with --rules"));
	if (!opt.print_rules) {
		check_stdin("members", opt.members, first, argc, argv);
		check_stdin("items", opt.items, first, argc, argv);
		check_stdin("rules", opt.rules, first, argc, argv);
	}

	cs_map_init(&members);
	seg_items_init(&items);
	seg_rules_init(&rules);
	seg_summary_init(&summary);
	cs_map_init(&status_memo.map);
	cs_map_init(&presale_memo.map);
	if (opt.rules != NULL)
		load_rules(&c);
	else
		seg_rules_builtin(&rules, opt.small, opt.big);

	struct cs_sink *out = cs_cli_open_output(&c);
	struct cs_writer *w = cs_writer_new(out, c.format, c.bom);
	if (opt.print_rules) {
		print_rules(w);
		cs_writer_close(w);
		seg_rules_free(&rules);
		return cs_cli_finish(out);
	}
	if (rules.uses_age && !opt.has_now) {
		opt.now = clock_now();
		opt.has_now = true;
	}
	if (opt.members != NULL)
		load_members(&c);
	if (opt.items != NULL)
		load_items(&c);

	if (!opt.summary)
		cs_writer_header(w, out_columns,
		    sizeof out_columns / sizeof out_columns[0]);
	seg_order_init(&o);
	for (int i = first; i < argc || (i == first && first == argc); i++)
		segment_file(i < argc ? argv[i] : "-", &c, w, &o);
	if (opt.summary)
		write_summary(w);
	cs_writer_close(w);
	report_counts();

	seg_order_free(&o);
	cs_map_free(&members);
	seg_items_free(&items);
	seg_rules_free(&rules);
	seg_summary_free(&summary);
	cs_map_free(&status_memo.map);
	cs_map_free(&presale_memo.map);
	return cs_cli_finish(out);
}
