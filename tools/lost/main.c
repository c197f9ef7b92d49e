/*
 * cs-lost: inquiries (询单) that did not buy, tallied by reason, agent,
 * product, day and response time, with the conversion rates a manager
 * ranks agents by; or, with --list, the lost inquiries themselves for the
 * revisits (回访) before the sale ends.
 *
 * Without --orders the tool streams: it holds one row and one entry per
 * group. With --orders it must know every inquiry of a buyer before it can
 * credit an order, so it holds the inquiries (their fields, in an arena)
 * until the order export has been read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#include "buckets.h"
#include "credit.h"
#include "reasons.h"
#include "tally.h"

/* Fields of an inquiry export. */
enum {
	F_INQUIRED_AT, F_AGENT, F_BUYER, F_ITEM, F_SKU, F_FIRST_RESPONSE,
	F_ORDERED, F_PAID, F_AMOUNT, F_REASON, F_SHOP, NFIELDS
};

static const struct cs_field inquiry_fields[NFIELDS] = {
	{ "inquired_at", 0 }, { "agent", CS_FIELD_REQUIRED }, { "buyer", 0 },
	{ "item", 0 }, { "sku", 0 }, { "first_response", 0 }, { "ordered", 0 },
	{ "paid", 0 }, { "amount", 0 }, { "reason", 0 }, { "shop", 0 },
};

/* Fields of an order export (--orders). */
enum {
	O_ORDER_ID, O_BUYER, O_CREATED_AT, O_STATUS, O_PAID_AT, O_AMOUNT,
	O_PAID_AMOUNT, NORDER
};

static const struct cs_field order_fields[NORDER] = {
	{ "order_id", 0 }, { "buyer", CS_FIELD_REQUIRED },
	{ "created_at", CS_FIELD_REQUIRED }, { "status", 0 }, { "paid_at", 0 },
	{ "amount", 0 }, { "paid_amount", 0 },
};

/* Group dimensions, in --by order. */
enum dim {
	D_REASON, D_AGENT, D_ITEM, D_SKU, D_DATE, D_WEEK, D_HOUR, D_RESPONSE,
	D_SHOP, NDIMS
};

static const char *const dim_names[NDIMS] = {
	"reason", "agent", "item", "sku", "date", "week", "hour", "response",
	"shop",
};

/* The field each dimension reads. */
static const int dim_field[NDIMS] = {
	F_REASON, F_AGENT, F_ITEM, F_SKU, F_INQUIRED_AT, F_INQUIRED_AT,
	F_INQUIRED_AT, F_FIRST_RESPONSE, F_SHOP,
};

enum {
	OPT_ORDERS = CS_OPT_TOOL, OPT_WINDOW, OPT_REASONS, OPT_RAW_REASONS,
	OPT_BUCKETS
};

static const struct cs_option options[] = {
	{ "by", 'b', true, "FIELDS",
	    N_("group by FIELDS, comma-separated: reason\n(default), agent, item, sku, date, week, hour,\nresponse, shop") },
	{ "orders", OPT_ORDERS, true, "FILE",
	    N_("decide conversion from an order export: each\norder goes to the buyer's latest inquiry") },
	{ "window", OPT_WINDOW, true, "DAYS",
	    N_("with --orders: an inquiry takes the orders of\nits day and DAYS-1 days after (default 3)") },
	{ "reasons", OPT_REASONS, true, "FILE",
	    N_("more reason keywords: a CSV of keyword,label,\ntried before the built-in ones") },
	{ "raw-reasons", OPT_RAW_REASONS, false, NULL,
	    N_("keep reasons as agents wrote them") },
	{ "buckets", OPT_BUCKETS, true, "LIST",
	    N_("first-response bucket edges in seconds\n(default 10,30,60,180,300)") },
	{ "sort", 's', true, "KEY",
	    N_("lost (default), conversion, inquiries,\nresponse, revenue or key") },
	{ "reverse", 'r', false, NULL, N_("reverse the order") },
	{ "top", 'n', true, "N", N_("only the first N groups") },
	{ "list", 'l', false, NULL,
	    N_("list the lost inquiries, with the canonical\nreason, instead of the tally") },
	{ NULL, 0, false, NULL, NULL }
};

static struct {
	enum dim	 by[NDIMS];
	size_t		 nby;
	const char	*orders;
	int		 window;
	const char	*reasons;
	bool		 raw_reasons;
	struct lost_buckets buckets;
	enum lost_sort	 sort;
	bool		 reverse;
	long long	 top;		/* 0: all */
	bool		 list;
	bool		 by_set, sort_set, buckets_set;
} opt;

static void
parse_by(const char *arg)
{
	int by[NDIMS];

	opt.nby = cs_cli_list("by", arg, dim_names, NDIMS, by);
	for (size_t i = 0; i < opt.nby; i++)
		opt.by[i] = (enum dim)by[i];
}

static void
handle(int key, const char *arg)
{
	switch (key) {
	case 'b':
		parse_by(arg);
		opt.by_set = true;
		break;
	case OPT_ORDERS:
		opt.orders = arg;
		break;
	case OPT_WINDOW:
		opt.window = (int)cs_cli_number("window", arg, 1, 366);
		break;
	case OPT_REASONS:
		opt.reasons = arg;
		break;
	case OPT_RAW_REASONS:
		opt.raw_reasons = true;
		break;
	case OPT_BUCKETS:
		if (lost_buckets_parse(arg, &opt.buckets) != 0)
			cs_usage_error(_("--buckets %s: must be increasing times in seconds, e.g. 10,30,60,180,300"),
			    cs_quote(arg, strlen(arg)));
		opt.buckets_set = true;
		break;
	case 's':
		if (lost_sort_parse(arg, &opt.sort) != 0)
			cs_usage_error(_("--sort %s: must be lost, conversion, inquiries, response, revenue or key"),
			    cs_quote(arg, strlen(arg)));
		opt.sort_set = true;
		break;
	case 'r':
		opt.reverse = true;
		break;
	case 'n':
		opt.top = cs_cli_number("top", arg, 1, 1000000000);
		break;
	case 'l':
		opt.list = true;
		break;
	default:
		break;
	}
}

static const struct cs_tool tool = {
	"cs-lost",
	N_("Tally inquiries (询单) that did not buy by reason, agent, item, day or\n"
	    "response time, with conversion rates; or list them for revisits."),
	N_("An inquiry is converted when paid is yes (or ordered, where the export\n"
	    "has no paid column), else lost. Columns after the group fields:\n"
	    "inquiries, [ordered,] paid, lost, conversion, lost_share,\n"
	    "cumulative_share, avg_first_response, revenue, avg_order_value."),
	options,
	handle,
};

/* One inquiry, parsed. Strings point into the row (or an arena). */
struct inquiry {
	const char	*f[NFIELDS];
	size_t		 n[NFIELDS];
	int64_t		 at;		/* seconds */
	int		 has_at;	/* 0 none, 1 date, 2 date and time */
	int64_t		 frt_ms;	/* -1 unknown */
	bool		 ordered;
	bool		 paid;
	int64_t		 amount;	/* cents */
	const char	*reason;	/* canonical label if lost */
	uint32_t	 buyer_id;	/* --orders */
};

static struct lost_reasons *reasons;
static bool need_time;		/* inquired_at is used */
static bool ordered_known;	/* the ordered column exists, or --orders */
static struct cs_buf key = CS_BUF_INIT;

static bool
uses(enum dim d)
{
	for (size_t i = 0; i < opt.nby; i++)
		if (opt.by[i] == d)
			return true;
	return false;
}

/* Parse a yes/no field into *v; false (rejected) when it is neither. */
static bool
yesno(struct cs_reader *r, const struct inquiry *q, int f, bool *v)
{
	int rc = cs_yesno_parse(q->f[f], q->n[f], v);

	if (rc == CS_VALUE_EMPTY)
		*v = false;
	else if (rc != 0) {
		cs_reader_reject(r, _("%s %s: not yes or no"),
		    inquiry_fields[f].name, cs_quote(q->f[f], q->n[f]));
		return false;
	}
	return true;
}

/*
 * Read one inquiry row into q. Only the fields the report uses are parsed.
 * Returns false when the row is rejected.
 */
static bool
parse_inquiry(struct cs_reader *r, const struct cs_row *row, const int *col,
    struct inquiry *q)
{
	for (int f = 0; f < NFIELDS; f++)
		q->f[f] = cs_row_get(row, col[f], &q->n[f]);
	q->has_at = 0;
	q->frt_ms = -1;
	q->ordered = q->paid = false;
	q->amount = 0;
	q->reason = NULL;

	if (q->n[F_AGENT] == 0) {
		cs_reader_reject(r, _("agent is empty"));
		return false;
	}
	if (need_time) {
		int has_time;
		int rc = cs_datetime_parse(q->f[F_INQUIRED_AT], q->n[F_INQUIRED_AT],
		    &q->at, &has_time);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("inquired_at %s: not a date or date-time"),
			    cs_quote(q->f[F_INQUIRED_AT], q->n[F_INQUIRED_AT]));
			return false;
		}
		if (rc == 0)
			q->has_at = has_time ? 2 : 1;
		else if (opt.orders != NULL) {
			cs_reader_reject(r, _("inquired_at is empty (needed to credit orders)"));
			return false;
		}
	}
	if (col[F_FIRST_RESPONSE] >= 0) {
		int rc = cs_duration_parse(q->f[F_FIRST_RESPONSE],
		    q->n[F_FIRST_RESPONSE], &q->frt_ms);
		if (rc == CS_VALUE_INVALID || (rc == 0 && q->frt_ms < 0)) {
			cs_reader_reject(r, _("first_response %s: not a number of seconds"),
			    cs_quote(q->f[F_FIRST_RESPONSE], q->n[F_FIRST_RESPONSE]));
			return false;
		}
		if (rc != 0)
			q->frt_ms = -1;
	}
	if (opt.orders != NULL) {
		if (q->n[F_BUYER] == 0) {
			cs_reader_reject(r, _("buyer is empty (needed to credit orders)"));
			return false;
		}
	} else {
		if (col[F_ORDERED] >= 0 && !yesno(r, q, F_ORDERED, &q->ordered))
			return false;
		if (col[F_PAID] >= 0) {
			if (!yesno(r, q, F_PAID, &q->paid))
				return false;
		} else
			q->paid = q->ordered;
		q->ordered |= q->paid;
		if (q->paid && col[F_AMOUNT] >= 0) {
			int rc = cs_money_parse(q->f[F_AMOUNT], q->n[F_AMOUNT],
			    &q->amount);
			if (rc == CS_VALUE_INVALID) {
				cs_reader_reject(r, _("amount %s: not an amount of money"),
				    cs_quote(q->f[F_AMOUNT], q->n[F_AMOUNT]));
				return false;
			}
			if (rc != 0)
				q->amount = 0;
		}
	}
	if (!q->paid || opt.orders != NULL)
		q->reason = lost_reasons_label(reasons, q->f[F_REASON],
		    q->n[F_REASON]);
	return true;
}

/* The group key of an inquiry: its dimension values joined by LOST_KEY_SEP. */
static void
group_key(const struct inquiry *q, struct cs_buf *b)
{
	char tmp[CS_DATETIME_BUFSIZE];

	cs_buf_reset(b);
	for (size_t i = 0; i < opt.nby; i++) {
		enum dim d = opt.by[i];
		if (i > 0)
			cs_buf_addc(b, LOST_KEY_SEP);
		switch (d) {
		case D_REASON:
			cs_buf_adds(b, q->paid ? LOST_REASON_CONVERTED : q->reason);
			break;
		case D_DATE:
			if (q->has_at)
				cs_buf_adds(b, cs_date_format(q->at, tmp));
			break;
		case D_WEEK:
			if (q->has_at) {
				int64_t day = cs_floor_div(q->at, CS_DAY_SECONDS);
				day -= cs_weekday(day);
				cs_buf_adds(b, cs_date_format(day * CS_DAY_SECONDS, tmp));
			}
			break;
		case D_HOUR:
			/* Zero-padded inside the key, so that keys sort in hour
			 * order; printed without the zero. */
			if (q->has_at == 2)
				cs_buf_printf(b, "%02d",
				    (int)(q->at - cs_floor_div(q->at, CS_DAY_SECONDS) *
				    CS_DAY_SECONDS) / 3600);
			break;
		case D_RESPONSE:
			cs_buf_printf(b, "%02zu",
			    lost_bucket_of(&opt.buckets, q->frt_ms));
			break;
		case D_AGENT:
		case D_ITEM:
		case D_SKU:
		case D_SHOP:
			cs_buf_add(b, q->f[dim_field[d]], q->n[dim_field[d]]);
			break;
		case NDIMS:
			break;
		}
	}
}

/* Seconds from milliseconds, with up to three decimals and no trailing 0. */
static char *
seconds(int64_t ms, char *buf)
{
	snprintf(buf, CS_FMT_BUFSIZE, "%lld.%03lld", (long long)(ms / 1000),
	    (long long)(ms % 1000));
	char *p = buf + strlen(buf) - 1;
	while (*p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
	return buf;
}

static void
list_header(struct cs_writer *w)
{
	const char *names[12];
	size_t n = 0;

	names[n++] = "inquired_at";
	names[n++] = "shop";
	names[n++] = "agent";
	names[n++] = "buyer";
	names[n++] = "item";
	names[n++] = "sku";
	names[n++] = "first_response";
	if (ordered_known)
		names[n++] = "ordered";
	names[n++] = "reason";
	names[n++] = "reason_raw";
	cs_writer_header(w, names, n);
}

/* Write one lost inquiry for --list. */
static void
list_row(struct cs_writer *w, const struct inquiry *q)
{
	char tmp[CS_FMT_BUFSIZE];

	if (q->has_at == 2)
		cs_writer_str(w, cs_datetime_format(q->at, tmp));
	else if (q->has_at == 1)
		cs_writer_str(w, cs_date_format(q->at, tmp));
	else
		cs_writer_str(w, "");
	cs_writer_field(w, q->f[F_SHOP], q->n[F_SHOP]);
	cs_writer_field(w, q->f[F_AGENT], q->n[F_AGENT]);
	cs_writer_field(w, q->f[F_BUYER], q->n[F_BUYER]);
	cs_writer_field(w, q->f[F_ITEM], q->n[F_ITEM]);
	cs_writer_field(w, q->f[F_SKU], q->n[F_SKU]);
	cs_writer_str(w, q->frt_ms >= 0 ? seconds(q->frt_ms, tmp) : "");
	if (ordered_known)
		cs_writer_str(w, q->ordered ? "yes" : "no");
	cs_writer_str(w, q->reason);
	cs_writer_field(w, q->f[F_REASON], q->n[F_REASON]);
	cs_writer_end(w);
}

/* Count an inquiry, or list it if it is lost. */
static void
use(struct cs_writer *w, struct lost_tally *t, const struct inquiry *q)
{
	if (opt.list) {
		if (!q->paid)
			list_row(w, q);
		return;
	}
	group_key(q, &key);
	lost_tally_add(t, key.data, key.len, q->ordered, q->paid, q->amount,
	    q->frt_ms);
}

static void
check_dims(const struct cs_reader *r, const int *col)
{
	for (size_t i = 0; i < opt.nby; i++) {
		enum dim d = opt.by[i];
		if (d == D_REASON || col[dim_field[d]] >= 0)
			continue;
		struct cs_field f = inquiry_fields[dim_field[d]];
		f.flags = CS_FIELD_REQUIRED;
		int c;
		cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &f, 1, &c);
	}
	if (opt.orders == NULL && col[F_PAID] < 0 && col[F_ORDERED] < 0) {
		struct cs_field f = { "paid", CS_FIELD_REQUIRED };
		int c;
		cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &f, 1, &c);
	}
}

/*
 * A tally reads fewer fields than a listing or a join with --orders does:
 * the buyer, the item, the SKU and the shop only when a --by dimension
 * names them, the time only when --by date, week or hour needs it. Copy
 * only those the run uses.
 */
static void
want_used(struct cs_reader *r, const int *col)
{
	static const int listed[] = { F_BUYER, F_ITEM, F_SKU, F_SHOP };
	int use[NFIELDS];

	if (opt.list || opt.orders != NULL)
		return;
	memcpy(use, col, sizeof use);
	for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++)
		use[listed[i]] = -1;
	if (!need_time)
		use[F_INQUIRED_AT] = -1;
	for (size_t i = 0; i < opt.nby; i++)
		use[dim_field[opt.by[i]]] = col[dim_field[opt.by[i]]];
	cs_reader_want_columns(r, use, NFIELDS);
}

/* Stored inquiries for --orders. */
struct store {
	struct inquiry	*q;
	size_t		 n, cap;
	uint32_t	*buyer;
	int64_t		*at;
	struct cs_map	 buyers;	/* buyer -> id + 1 */
	struct cs_arena	 arena;
};

static void
store_add(struct store *s, const struct inquiry *q)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->q = cs_xreallocarray(s->q, s->cap, sizeof *s->q);
		s->buyer = cs_xreallocarray(s->buyer, s->cap, sizeof *s->buyer);
		s->at = cs_xreallocarray(s->at, s->cap, sizeof *s->at);
	}
	struct inquiry *c = &s->q[s->n];
	*c = *q;
	for (int f = 0; f < NFIELDS; f++)
		c->f[f] = c->n[f] ? cs_arena_strndup(&s->arena, q->f[f], q->n[f]) : "";
	bool created;
	struct cs_map_entry *e = cs_map_insert(&s->buyers, q->f[F_BUYER],
	    q->n[F_BUYER], &created);
	if (created)
		e->value = (void *)(uintptr_t)cs_map_count(&s->buyers);
	s->buyer[s->n] = (uint32_t)(uintptr_t)e->value;
	s->at[s->n] = q->at;
	s->n++;
}

/* Read the order export and credit its orders to the stored inquiries. */
static void
credit_orders(const struct cs_common *c, struct store *s)
{
	int col[NORDER];
	struct cs_reader *r = cs_fields_open(opt.orders, &c->in, order_fields,
	    NORDER, col, false);
	struct lost_credit *idx = lost_credit_new(s->buyer, s->at, s->n);
	const struct cs_row *row;

	if (cs_reader_header(r)->n > 0 && col[O_STATUS] < 0 && col[O_PAID_AT] < 0) {
		struct cs_field f = { "status", CS_FIELD_REQUIRED };
		int x;
		cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &f, 1, &x);
	}
	while ((row = cs_reader_next(r)) != NULL) {
		size_t n;
		const char *v;
		int64_t at, amount = 0;
		enum cs_status st = CS_STATUS_UNKNOWN;

		v = cs_row_get(row, col[O_ORDER_ID], &n);
		if (cs_id_check(v, n) == CS_ID_SCIENTIFIC) {
			cs_reader_reject(r, _("order_id %s: a number in scientific notation (an Excel round-trip lost its digits)"),
			    cs_quote(v, n));
			continue;
		}
		const char *buyer = cs_row_get(row, col[O_BUYER], &n);
		size_t buyerlen = n;
		if (buyerlen == 0) {
			cs_reader_reject(r, _("buyer is empty"));
			continue;
		}
		v = cs_row_get(row, col[O_CREATED_AT], &n);
		if (cs_datetime_parse(v, n, &at, NULL) != 0) {
			cs_reader_reject(r, _("created_at %s: not a date or date-time"),
			    cs_quote(v, n));
			continue;
		}
		v = cs_row_get(row, col[O_STATUS], &n);
		int rc = cs_status_parse(v, n, &st);
		if (rc == CS_VALUE_INVALID) {
			cs_reader_reject(r, _("status %s: not an order status"),
			    cs_quote(v, n));
			continue;
		}
		if (rc == CS_VALUE_EMPTY || col[O_STATUS] < 0) {
			cs_row_get(row, col[O_PAID_AT], &n);
			st = n > 0 ? CS_STATUS_PAID : CS_STATUS_UNPAID;
		}
		if (st == CS_STATUS_PAID) {
			int f = O_PAID_AMOUNT;
			v = cs_row_get(row, col[f], &n);
			rc = cs_money_parse(v, n, &amount);
			if (rc != 0 || amount == 0) {
				f = O_AMOUNT;
				v = cs_row_get(row, col[f], &n);
				rc = cs_money_parse(v, n, &amount);
			}
			if (rc == CS_VALUE_INVALID) {
				cs_reader_reject(r, _("%s %s: not an amount of money"),
				    order_fields[f].name, cs_quote(v, n));
				continue;
			}
			if (rc != 0)
				amount = 0;
		}
		struct cs_map_entry *e = cs_map_find(&s->buyers, buyer, buyerlen);
		if (e == NULL)
			continue;	/* a silent order (静默下单): no inquiry */
		long i = lost_credit_find(idx, (uint32_t)(uintptr_t)e->value, at,
		    opt.window);
		if (i < 0)
			continue;
		s->q[i].ordered = true;
		if (st == CS_STATUS_PAID) {
			s->q[i].paid = true;
			s->q[i].amount += amount;
		}
	}
	lost_credit_free(idx);
	cs_reader_close(r);
}

static void
load_reasons(const struct cs_common *c)
{
	static const struct cs_field f[] = {
		{ "keyword", CS_FIELD_REQUIRED }, { "label", CS_FIELD_REQUIRED },
	};
	int col[2];
	struct cs_reader *r = cs_fields_open(opt.reasons, &c->in, f, 2, col,
	    false);
	const struct cs_row *row;

	while ((row = cs_reader_next(r)) != NULL) {
		size_t kn, ln;
		const char *kw = cs_row_get(row, col[0], &kn);
		const char *label = cs_row_get(row, col[1], &ln);
		if (kn == 0 || ln == 0) {
			cs_reader_reject(r, _("keyword and label must both be given"));
			continue;
		}
		lost_reasons_add(reasons, kw, kn, label, ln);
	}
	cs_reader_close(r);
}

/* Write one tally row; cum_lost runs down the rows. */
static void
write_group(struct cs_writer *w, const struct lost_group *g,
    const struct lost_counts *all, int64_t *cum_lost, bool total)
{
	const struct lost_counts *c = &g->c;
	bool text = cs_writer_format(w) == CS_FORMAT_TEXT;
	int64_t lost = c->inquiries - c->paid;
	char buf[CS_FMT_BUFSIZE];
	const char *p = g->key, *end = g->key + g->keylen;

	for (size_t i = 0; i < opt.nby; i++) {
		const char *sep = memchr(p, LOST_KEY_SEP, (size_t)(end - p));
		size_t n = sep != NULL ? (size_t)(sep - p) : (size_t)(end - p);
		char label[LOST_BUCKET_LABEL];
		if (total)
			cs_writer_str(w, i == 0 ? _("total") : "");
		else if (opt.by[i] == D_RESPONSE)
			cs_writer_str(w, lost_bucket_label(&opt.buckets,
			    (size_t)atoi(p), label));
		else if (opt.by[i] == D_HOUR && n == 2)
			cs_writer_field(w, p[0] == '0' ? p + 1 : p, p[0] == '0' ? 1 : 2);
		else if (n == 0 && text)
			cs_writer_str(w, "-");
		else
			cs_writer_field(w, p, n);
		p += n + (sep != NULL);
	}
	cs_writer_str(w, cs_fmt_int(buf, c->inquiries));
	if (ordered_known)
		cs_writer_str(w, cs_fmt_int(buf, c->ordered));
	cs_writer_str(w, cs_fmt_int(buf, c->paid));
	cs_writer_str(w, cs_fmt_int(buf, lost));
	if (text) {
		cs_writer_str(w, cs_fmt_percent(buf, c->paid, c->inquiries, 1));
		cs_writer_str(w, cs_fmt_percent(buf, lost, all->inquiries - all->paid, 1));
		*cum_lost += lost;
		cs_writer_str(w, total ? "" : cs_fmt_percent(buf, *cum_lost,
		    all->inquiries - all->paid, 1));
	} else {
		cs_writer_str(w, cs_fmt_ratio(buf, c->paid, c->inquiries, 4));
		cs_writer_str(w, cs_fmt_ratio(buf, lost, all->inquiries - all->paid, 4));
		*cum_lost += lost;
		cs_writer_str(w, cs_fmt_ratio(buf, *cum_lost,
		    all->inquiries - all->paid, 4));
	}
	cs_writer_str(w, cs_fmt_ratio(buf, c->frt_ms, c->frt_n * 1000, 1));
	cs_writer_str(w, cs_fmt_ratio(buf, c->revenue, 100, 2));
	cs_writer_str(w, cs_fmt_ratio(buf, c->revenue, c->paid * 100, 2));
	cs_writer_end(w);
}

static void
write_tally(struct cs_writer *w, struct lost_tally *t)
{
	static const char *const stats[] = { "inquiries", "ordered", "paid",
		"lost", "conversion", "lost_share", "cumulative_share",
		"avg_first_response", "revenue", "avg_order_value" };
	const char *names[NDIMS + 10];
	struct lost_group **groups;
	size_t n = 0, ngroups;
	int64_t cum = 0;

	for (size_t i = 0; i < opt.nby; i++)
		names[n++] = dim_names[opt.by[i]];
	for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++)
		if (i != 1 || ordered_known)
			names[n++] = stats[i];
	cs_writer_header(w, names, n);
	ngroups = lost_tally_sorted(t, opt.sort, opt.reverse, &groups);
	if (opt.top > 0 && (size_t)opt.top < ngroups)
		ngroups = (size_t)opt.top;
	for (size_t i = 0; i < ngroups; i++)
		write_group(w, groups[i], &t->total, &cum, false);
	if (cs_writer_format(w) == CS_FORMAT_TEXT) {
		struct lost_group all = { "", 0, t->total };
		cs_writer_rule(w);
		write_group(w, &all, &t->total, &cum, true);
	}
	free(groups);
}

int
main(int argc, char **argv)
{
	struct cs_common c;
	struct lost_tally tally;
	struct store store;
	int first;

	opt.window = 3;
	opt.by[0] = D_REASON;
	opt.nby = 1;
	lost_buckets_parse("10,30,60,180,300", &opt.buckets);
	first = cs_cli_parse(&tool, argc, argv, &c);
	if (opt.list && (opt.by_set || opt.sort_set || opt.reverse || opt.buckets_set))
		cs_usage_error(_("--list writes inquiries, not groups: it takes no --by, --sort, --reverse or --buckets"));
	if (opt.orders != NULL && strcmp(opt.orders, "-") == 0) {
		bool stdin_used = first == argc;
		for (int i = first; i < argc; i++)
			stdin_used |= strcmp(argv[i], "-") == 0;
		if (stdin_used)
			cs_usage_error(_("--orders -: standard input is already the inquiry input"));
	}
	need_time = opt.list || opt.orders != NULL || uses(D_DATE) ||
	    uses(D_WEEK) || uses(D_HOUR);

	struct cs_sink *out = cs_cli_open_output(&c);
	struct cs_writer *w = cs_writer_new(out, c.format, c.bom);
	reasons = lost_reasons_new(opt.raw_reasons);
	if (opt.reasons != NULL)
		load_reasons(&c);
	lost_tally_init(&tally);
	memset(&store, 0, sizeof store);
	cs_map_init(&store.buyers);
	cs_arena_init(&store.arena);
	ordered_known = opt.orders != NULL;

	/* Files are read in turn; each has its own header. The header of the
	 * --list output depends on the first file's columns. */
	bool header_done = false;
	for (int i = first; i < argc || (i == first && first == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		int col[NFIELDS];
		struct cs_reader *r = cs_fields_open(path, &c.in, inquiry_fields,
		    NFIELDS, col, false);
		const struct cs_row *row;
		struct inquiry q;

		if (cs_reader_header(r)->n > 0)
			check_dims(r, col);
		want_used(r, col);
		ordered_known |= col[F_ORDERED] >= 0;
		if (opt.list && opt.orders == NULL && !header_done) {
			list_header(w);
			header_done = true;
		}
		while ((row = cs_reader_next(r)) != NULL) {
			if (!parse_inquiry(r, row, col, &q))
				continue;
			if (opt.orders != NULL)
				store_add(&store, &q);
			else
				use(w, &tally, &q);
		}
		cs_reader_close(r);
	}
	if (opt.orders != NULL) {
		credit_orders(&c, &store);
		if (opt.list)
			list_header(w);
		for (size_t i = 0; i < store.n; i++)
			use(w, &tally, &store.q[i]);
	}
	if (!opt.list)
		write_tally(w, &tally);
	cs_writer_close(w);

	lost_tally_free(&tally);
	lost_reasons_free(reasons);
	cs_map_free(&store.buyers);
	cs_arena_free(&store.arena);
	free(store.q);
	free(store.buyer);
	free(store.at);
	cs_buf_free(&key);
	return cs_cli_finish(out);
}
