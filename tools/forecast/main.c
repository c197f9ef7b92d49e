/*
 * cs-forecast: how many chats a shop gets on 11.11 (or any day of the
 * sale), from the ratio of last year's day to last October, and how many
 * agents it takes per day and per hour (Erlang C, or Erlang A when buyers
 * give up).
 *
 * The daily input is held as one count per shop, year and kept day
 * (October and the --days window), never as rows; the forecast is made
 * once every file is read, because the target year is the latest October
 * in the data. With --staff the input is already volume per interval: each
 * row is staffed and written as it is read.
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
#include "reader.h"
#include "sink.h"
#include "value.h"
#include "writer.h"
#include "xmalloc.h"

#include "erlang.h"
#include "hourly.h"
#include "plan.h"
#include "volume.h"

/* A count above this is a typing or export error, not a day's chats. */
#define MAX_COUNT	INT64_C(1000000000000)

enum {
	OPT_YEAR = CS_OPT_TOOL, OPT_DAYS, OPT_YEARS, OPT_RATIO, OPT_OCTOBER,
	OPT_MIN_DAYS, OPT_CAPACITY, OPT_SHRINKAGE, OPT_HOURLY, OPT_AHT, OPT_SL,
	OPT_ASA, OPT_MAX_OCCUPANCY, OPT_CONCURRENCY, OPT_PATIENCE,
	OPT_MAX_ABANDON, OPT_STAFF, OPT_INTERVAL_MINUTES, OPT_END
};

static const struct cs_option options[] = {
	{ "year", OPT_YEAR, true, "Y",
	    N_("forecast for year Y (default: the latest year whose October\nis in the data)") },
	{ "days", OPT_DAYS, true, "LIST",
	    N_("the days to forecast: MM-DD, MM-DD..MM-DD, or a comma list\nof them (default 11-11)") },
	{ "years", OPT_YEARS, true, "N",
	    N_("use the mean of the last N years' ratios, and their lowest\nand highest for a low and a high forecast (default 1)") },
	{ "ratio", OPT_RATIO, true, "R",
	    N_("the ratio for a shop without last year's figures (a new\nshop: the industry's)") },
	{ "october", OPT_OCTOBER, true, "N",
	    N_("this October's mean daily receptions, when the data stops\nearlier") },
	{ "min-days", OPT_MIN_DAYS, true, "N",
	    N_("fewest days of an October to take its mean over (default 20)") },
	{ "capacity", OPT_CAPACITY, true, "N",
	    N_("receptions one agent handles in a day: adds the agents a\nday needs") },
	{ "shrinkage", OPT_SHRINKAGE, true, "F",
	    N_("share of paid time off the line: breaks, meals, training\n(default 0)") },
	{ "hourly", OPT_HOURLY, true, "FILE",
	    N_("last year's receptions per hour (hour 0-23, or date-times):\na plan per hour (needs --aht)") },
	{ "aht", OPT_AHT, true, "SECONDS",
	    N_("handle time of one chat, wrap-up included; with\n--concurrency its wall-clock length at that concurrency") },
	{ "sl", OPT_SL, true, "P/T",
	    N_("service level target: P% answered within T seconds\n(default 80/20)") },
	{ "asa", OPT_ASA, true, "SECONDS",
	    N_("mean wait target of the answered chats") },
	{ "max-occupancy", OPT_MAX_OCCUPANCY, true, "F",
	    N_("highest share of their time agents are busy (default 0.85)") },
	{ "concurrency", OPT_CONCURRENCY, true, "K",
	    N_("chats one agent carries at once (default 1)") },
	{ "patience", OPT_PATIENCE, true, "SECONDS",
	    N_("buyers' mean patience: Erlang A instead of C, and an\nabandon column") },
	{ "max-abandon", OPT_MAX_ABANDON, true, "F",
	    N_("with --patience: highest share of buyers who give up\n(default 0.05)") },
	{ "staff", OPT_STAFF, false, NULL,
	    N_("the input is already volume per interval (interval,\narrivals): staff it, forecast nothing") },
	{ "interval-minutes", OPT_INTERVAL_MINUTES, true, "M",
	    N_("with --staff: the length of an interval (default 60)") },
	{ NULL, 0, false, NULL, NULL }
};

static struct {
	int		 year;
	struct fc_calendar cal;
	int		 years;
	double		 ratio;		/* 0: none */
	double		 october;	/* 0: none */
	int		 min_days;
	double		 capacity;	/* 0: none */
	double		 shrinkage;
	const char	*hourly;
	double		 aht;
	double		 sl, sl_time;	/* sl 0: no service level target */
	double		 asa;		/* 0: none */
	double		 max_occupancy;
	int		 concurrency;
	double		 patience;	/* 0: Erlang C */
	double		 max_abandon;
	bool		 staff;
	int		 interval_minutes;
	bool		 set[OPT_END - CS_OPT_TOOL];
} opt;

static bool
given(int key)
{
	return opt.set[key - CS_OPT_TOOL];
}

static const char *
option_name(int key)
{
	for (size_t i = 0; options[i].name != NULL; i++)
		if (options[i].key == key)
			return options[i].name;
	return "";
}

/* A decimal option value that must be more than 0. */
static double
positive(const char *name, const char *arg, double max)
{
	double v = cs_cli_decimal(name, arg, 0, max);

	if (v == 0)
		cs_usage_error(_("--%s %s: must be more than 0"), name, arg);
	return v;
}

/* A share in [0, 1) (or (0, 1] when above0): 0.3 or 30%. */
static double
share(const char *name, const char *arg, bool above0)
{
	double v = cs_cli_decimal(name, arg, 0, 1);

	if (above0 && v == 0)
		cs_usage_error(_("--%s %s: must be more than 0"), name, arg);
	if (!above0 && v == 1)
		cs_usage_error(_("--%s %s: must be less than 1"), name, arg);
	return v;
}

static void
parse_sl(const char *arg)
{
	const char *slash = strchr(arg, '/');
	double p, t;

	if (slash == NULL || strchr(arg, '%') != NULL ||
	    cs_decimal_parse(arg, (size_t)(slash - arg), &p) != 0 ||
	    cs_decimal_parse(slash + 1, strlen(slash + 1), &t) != 0)
		cs_usage_error(_("--sl %s: must be P/T, e.g. 80/20 (P%% of chats answered within T seconds)"),
		    cs_quote(arg, strlen(arg)));
	if (!(p > 0 && p < 100))
		cs_usage_error(_("--sl %s: P must be more than 0 and less than 100"),
		    arg);
	if (!(t >= 0 && t <= 86400))
		cs_usage_error(_("--sl %s: T must be 0 to 86400 seconds"), arg);
	opt.sl = p / 100;
	opt.sl_time = t;
}

static void
handle(int key, const char *arg)
{
	if (key >= CS_OPT_TOOL && key < OPT_END)
		opt.set[key - CS_OPT_TOOL] = true;
	switch (key) {
	case OPT_YEAR:
		opt.year = (int)cs_cli_number("year", arg, 1901, 9999);
		break;
	case OPT_DAYS:
		if (fc_calendar_days(&opt.cal, arg) != 0)
			cs_usage_error(_("--days %s: must be MM-DD, MM-DD..MM-DD or a comma list of them, within one year"),
			    cs_quote(arg, strlen(arg)));
		break;
	case OPT_YEARS:
		opt.years = (int)cs_cli_number("years", arg, 1, FC_MAX_YEARS);
		break;
	case OPT_RATIO:
		opt.ratio = positive("ratio", arg, 1000);
		break;
	case OPT_OCTOBER:
		opt.october = positive("october", arg, 1e12);
		break;
	case OPT_MIN_DAYS:
		opt.min_days = (int)cs_cli_number("min-days", arg, 1,
		    FC_OCTOBER_DAYS);
		break;
	case OPT_CAPACITY:
		opt.capacity = positive("capacity", arg, 1e9);
		break;
	case OPT_SHRINKAGE:
		opt.shrinkage = share("shrinkage", arg, false);
		break;
	case OPT_HOURLY:
		opt.hourly = arg;
		break;
	case OPT_AHT:
		opt.aht = positive("aht", arg, 86400);
		break;
	case OPT_SL:
		parse_sl(arg);
		break;
	case OPT_ASA:
		opt.asa = positive("asa", arg, 86400);
		break;
	case OPT_MAX_OCCUPANCY:
		opt.max_occupancy = share("max-occupancy", arg, true);
		break;
	case OPT_CONCURRENCY:
		opt.concurrency = (int)cs_cli_number("concurrency", arg, 1, 100);
		break;
	case OPT_PATIENCE:
		opt.patience = positive("patience", arg, 86400);
		break;
	case OPT_MAX_ABANDON:
		opt.max_abandon = share("max-abandon", arg, true);
		break;
	case OPT_STAFF:
		opt.staff = true;
		break;
	case OPT_INTERVAL_MINUTES:
		opt.interval_minutes = (int)cs_cli_number("interval-minutes", arg,
		    1, 1440);
		break;
	default:
		break;
	}
}

static const struct cs_tool tool = {
	"cs-forecast",
	N_("Forecast a shop's chats on 11.11 (or any day of the sale) from last\n"
	    "year's ratio to October, and the agents it takes per day and per hour."),
	N_("ratio = receptions on the day last year / mean daily receptions of last\n"
	    "October; forecast = mean daily receptions of this October x ratio.\n"
	    "Columns: shop, date, last_october_avg, last_day, ratio, october_avg,\n"
	    "forecast, [low, high,] agents. With --hourly or --staff, a row an\n"
	    "interval: shop, date, hour, forecast, agents, scheduled, service_level,\n"
	    "asa_seconds, occupancy, wait_probability[, abandon]. Service level is\n"
	    "the share of all arrivals answered within T, buyers who give up\n"
	    "included; asa_seconds is the mean wait of the answered."),
	options,
	handle,
};

/* Check the options together; exit 2 on a combination that makes no sense. */
static void
check_options(void)
{
	static const int volume_only[] = {
		OPT_YEAR, OPT_DAYS, OPT_YEARS, OPT_RATIO, OPT_OCTOBER,
		OPT_MIN_DAYS, OPT_CAPACITY, OPT_HOURLY
	};
	static const int staffing[] = {
		OPT_AHT, OPT_SL, OPT_ASA, OPT_MAX_OCCUPANCY, OPT_CONCURRENCY,
		OPT_PATIENCE, OPT_MAX_ABANDON
	};

	if (opt.staff) {
		for (size_t i = 0; i < sizeof volume_only / sizeof volume_only[0]; i++)
			if (given(volume_only[i]))
				cs_usage_error(_("--staff reads arrivals per interval: it takes no --%s"),
				    option_name(volume_only[i]));
	} else if (given(OPT_INTERVAL_MINUTES))
		cs_usage_error(_("--interval-minutes needs --staff"));
	if (opt.hourly == NULL && !opt.staff) {
		for (size_t i = 0; i < sizeof staffing / sizeof staffing[0]; i++)
			if (given(staffing[i]))
				cs_usage_error(_("--%s needs --hourly or --staff (staffing per hour)"),
				    option_name(staffing[i]));
		if (given(OPT_SHRINKAGE) && !given(OPT_CAPACITY))
			cs_usage_error(_("--shrinkage needs --capacity, --hourly or --staff"));
	} else if (!given(OPT_AHT))
		cs_usage_error(_("--%s needs --aht SECONDS, the handle time of one chat"),
		    opt.staff ? "staff" : "hourly");
	if (given(OPT_MAX_ABANDON) && !given(OPT_PATIENCE))
		cs_usage_error(_("--max-abandon needs --patience"));
	if (given(OPT_ASA) && !given(OPT_SL))
		opt.sl = 0;	/* the mean wait is the target; T stays 20 s */
}

/* ---- diagnostics about a shop ---- */

static bool shop_column;	/* some daily input has a shop column */
static struct cs_buf msg = CS_BUF_INIT;

/* "shop "name": " when shops are named, else "". */
static const char *
shop_prefix(const char *name, size_t len)
{
	static struct cs_buf b = CS_BUF_INIT;

	cs_buf_reset(&b);
	if (shop_column && len > 0)
		cs_buf_printf(&b, _("shop %s: "), cs_quote(name, len));
	else
		cs_buf_adds(&b, "");
	return b.data;
}

/* Why a year gives no ratio (or no mean), into msg. */
static void
reason(enum fc_status st, const struct fc_october *o, int64_t year,
    unsigned m, unsigned d)
{
	switch (st) {
	case FC_NO_OCTOBER:
		cs_buf_printf(&msg, _("no receptions in October %d"), (int)year);
		break;
	case FC_FEW_DAYS:
		cs_buf_printf(&msg, _("October %d has receptions on only %d of its 31 days, fewer than --min-days %d"),
		    (int)year, o->days, opt.min_days);
		break;
	case FC_ZERO_OCTOBER:
		cs_buf_printf(&msg, _("October %d has 0 receptions on every day"),
		    (int)year);
		break;
	case FC_NO_DAY:
		cs_buf_printf(&msg, _("no receptions on %04d-%02u-%02u"),
		    (int)year, m, d);
		break;
	case FC_OK:
		break;
	}
}

/* ---- the daily input ---- */

enum { F_DATE, F_RECEPTIONS, F_SHOP, NDAILY };

static const struct cs_field daily_fields[NDAILY] = {
	{ "date", CS_FIELD_REQUIRED }, { "receptions", CS_FIELD_REQUIRED },
	{ "shop", 0 },
};

struct shop {
	struct fc_shop	 s;
	struct shop	*next;		/* the shop of the row after, last time */
	int		 warned[2 * FC_MAX_YEARS + 4];	/* 2 year + what */
	int		 nwarned;
};

static struct cs_map shops;		/* name -> struct shop */
static struct cs_arena arena;		/* the shops' day counts */
static int latest_year, latest_october;

/*
 * A count of receptions, or false (the row rejected). what names the
 * field in the message.
 */
static bool
parse_count(struct cs_reader *r, const char *what, const char *v, size_t n,
    int64_t *count)
{
	int rc = cs_int_parse(v, n, count);

	if (rc == CS_VALUE_EMPTY) {
		cs_reader_reject(r, _("%s is empty"), what);
		return false;
	}
	if (rc != 0) {
		cs_reader_reject(r, _("%s %s: not a whole number"), what,
		    cs_quote(v, n));
		return false;
	}
	if (*count < 0) {
		cs_reader_reject(r, _("%s %s: negative"), what, cs_quote(v, n));
		return false;
	}
	if (*count > MAX_COUNT) {
		cs_reader_reject(r, _("%s %s: more than 10^12, not a count of chats"),
		    what, cs_quote(v, n));
		return false;
	}
	return true;
}

/* A date (or date-time: its day) as days since 1970, or false. */
static bool
parse_day(struct cs_reader *r, const char *v, size_t n, int64_t *day,
    int *has_time, int64_t *secs)
{
	int64_t s;
	int t;
	int rc = cs_datetime_parse(v, n, &s, &t);

	if (rc == CS_VALUE_EMPTY) {
		cs_reader_reject(r, _("date is empty"));
		return false;
	}
	if (rc != 0) {
		cs_reader_reject(r, _("date %s: not a date"), cs_quote(v, n));
		return false;
	}
	*day = cs_floor_div(s, CS_DAY_SECONDS);
	if (has_time != NULL)
		*has_time = t;
	if (secs != NULL)
		*secs = s;
	return true;
}

static bool
is_shop(const struct shop *s, const char *name, size_t len)
{
	return s != NULL && s->s.len == len && memcmp(s->s.name, name, len) == 0;
}

static struct shop *
shop_get(const char *name, size_t len)
{
	static struct shop *last;
	bool created;
	struct cs_map_entry *e;

	/* Exports list a shop's days together, or each day's shops in the
	 * same order day after day: the row's shop is most often the last
	 * row's, or the one that came after it last time. */
	if (is_shop(last, name, len))
		return last;
	if (last != NULL && is_shop(last->next, name, len))
		return last = last->next;
	e = cs_map_insert(&shops, name, len, &created);
	if (created) {
		struct shop *s = cs_xcalloc(1, sizeof *s);
		fc_shop_init(&s->s, e->key, e->len);
		e->value = s;
	}
	if (last != NULL)
		last->next = e->value;
	return last = e->value;
}

static void
read_daily(const struct cs_common *c, const char *path)
{
	int col[NDAILY];
	struct cs_reader *r = cs_fields_open(path, &c->in, daily_fields, NDAILY,
	    col, false);
	const struct cs_row *row;

	/* The last date read: an agency's export repeats each date for
	 * every shop, so most rows skip the date parse. */
	char last[CS_DATETIME_BUFSIZE];
	size_t lastlen = 0;
	int y = 0;
	unsigned m = 0, d = 0;

	shop_column |= col[F_SHOP] >= 0;
	while ((row = cs_reader_next(r)) != NULL) {
		size_t sn, dn, cn;
		const char *sv = cs_row_get(row, col[F_SHOP], &sn);
		const char *dv = cs_row_get(row, col[F_DATE], &dn);
		const char *cv = cs_row_get(row, col[F_RECEPTIONS], &cn);
		int64_t day, count;

		if (col[F_SHOP] >= 0 && sn == 0) {
			cs_reader_reject(r, _("shop is empty"));
			continue;
		}
		if (dn == 0 || dn != lastlen || memcmp(dv, last, dn) != 0) {
			if (!parse_day(r, dv, dn, &day, NULL, NULL))
				continue;
			cs_civil_from_days(day, &y, &m, &d);
			lastlen = dn < sizeof last ? dn : 0;
			memcpy(last, dv, lastlen);
		}
		if (!parse_count(r, "receptions", cv, cn, &count))
			continue;
		if (y > latest_year)
			latest_year = y;
		if (m == 10 && y > latest_october)
			latest_october = y;
		fc_shop_add(&shop_get(sv, sn)->s, &opt.cal, &arena, y, m, d, count);
	}
	cs_reader_close(r);
}

/* ---- the hourly input (--hourly) ---- */

enum { H_SHOP, H_DATE, H_HOUR, H_RECEPTIONS, NHOURLY };

static const struct cs_field hourly_fields[NHOURLY] = {
	{ "shop", 0 }, { "date", 0 }, { "hour", 0 },
	{ "receptions", CS_FIELD_REQUIRED },
};

struct hshop {
	struct fc_profile *p;
	size_t		 n, cap;
};

static struct cs_map hshops;		/* shop -> struct hshop */
static bool hourly_shop_column;

static struct fc_profile *
profile_get(struct hshop *h, int64_t day)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->p[i].day == day)
			return &h->p[i];
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 4;
		h->p = cs_xreallocarray(h->p, h->cap, sizeof *h->p);
	}
	memset(&h->p[h->n], 0, sizeof h->p[h->n]);
	h->p[h->n].day = day;
	return &h->p[h->n++];
}

static void
read_hourly(const struct cs_common *c)
{
	int col[NHOURLY];
	struct cs_reader *r = cs_fields_open(opt.hourly, &c->in, hourly_fields,
	    NHOURLY, col, false);
	const struct cs_row *row;

	hourly_shop_column = col[H_SHOP] >= 0;
	if (cs_reader_header(r)->n > 0 && col[H_HOUR] < 0 && col[H_DATE] < 0) {
		struct cs_field f = { "hour", CS_FIELD_REQUIRED };
		int x;
		cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &f, 1, &x);
	}
	while ((row = cs_reader_next(r)) != NULL) {
		size_t sn, dn, hn, cn;
		const char *sv = cs_row_get(row, col[H_SHOP], &sn);
		const char *dv = cs_row_get(row, col[H_DATE], &dn);
		const char *hv = cs_row_get(row, col[H_HOUR], &hn);
		const char *cv = cs_row_get(row, col[H_RECEPTIONS], &cn);
		int64_t day = FC_UNDATED, secs = 0, count;
		int has_time = 0, minute;
		bool created;

		if (col[H_SHOP] >= 0 && sn == 0) {
			cs_reader_reject(r, _("shop is empty"));
			continue;
		}
		if (col[H_DATE] >= 0 && !parse_day(r, dv, dn, &day, &has_time, &secs))
			continue;
		if (col[H_HOUR] >= 0) {
			int rc = fc_time_of_day(hv, hn, &minute);
			if (rc == CS_VALUE_EMPTY) {
				cs_reader_reject(r, _("hour is empty"));
				continue;
			}
			if (rc != 0) {
				cs_reader_reject(r, _("hour %s: not an hour of the day (0 to 23, 00:00 or 00:00-01:00)"),
				    cs_quote(hv, hn));
				continue;
			}
		} else if (!has_time) {
			cs_reader_reject(r, _("date %s: no time of day, and no hour column"),
			    cs_quote(dv, dn));
			continue;
		} else
			minute = (int)(secs - day * CS_DAY_SECONDS) / 60;
		if (!parse_count(r, "receptions", cv, cn, &count))
			continue;
		struct cs_map_entry *e = cs_map_insert(&hshops, sv, sn, &created);
		if (created)
			e->value = cs_xcalloc(1, sizeof(struct hshop));
		profile_get(e->value, day)->n[minute / 60] += count;
	}
	cs_reader_close(r);
}

/* The hourly profiles for a shop of the daily input; NULL if none. */
static const struct hshop *
hourly_for(const char *name, size_t len)
{
	struct cs_map_entry *e = cs_map_find(&hshops, name, len);

	if (e != NULL)
		return e->value;
	if (!hourly_shop_column)
		return (e = cs_map_find(&hshops, "", 0)) != NULL ? e->value : NULL;
	/* A daily input without shops takes the one shop of the hourly file. */
	if (!shop_column && cs_map_count(&hshops) == 1)
		return cs_map_entry(&hshops, 0)->value;
	return NULL;
}

/* ---- staffing ---- */

static double
interval_seconds(void)
{
	return opt.staff ? opt.interval_minutes * 60.0 : 3600.0;
}

static int
staff(double arrivals, struct erl_result *res)
{
	struct erl_plan p = {
		.arrivals = arrivals,
		.interval = interval_seconds(),
		.aht = opt.aht,
		.patience = opt.patience,
		.concurrency = opt.concurrency,
		.sl = opt.sl,
		.sl_time = opt.sl_time,
		.asa = opt.asa,
		.max_occupancy = opt.max_occupancy,
		.max_abandon = opt.max_abandon,
		.shrinkage = opt.shrinkage,
	};

	return erl_staff(&p, res);
}

/* ---- output ---- */

static const char *const weekdays[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday")
};

static char *
date_str(int y, unsigned m, unsigned d, char *buf)
{
	snprintf(buf, CS_DATETIME_BUFSIZE, "%04d-%02u-%02u", y, m, d);
	return buf;
}

static char *
hour_str(int minute, char *buf)
{
	snprintf(buf, CS_FMT_BUFSIZE, "%02d:%02d", minute / 60, minute % 60);
	return buf;
}

static void
out_text(struct cs_sink *out, const char *s)
{
	cs_sink_write(out, s, strlen(s));
}

/* One staffed interval, as the CSV row and the text plan need it. */
struct interval {
	int		 minute;	/* start, minutes since midnight */
	double		 arrivals;
	struct erl_result r;
};

static const char *const interval_header[] = {
	"shop", "date", "hour", "forecast", "agents", "scheduled",
	"service_level", "asa_seconds", "occupancy", "wait_probability",
	"abandon"
};

static size_t
interval_columns(void)
{
	return opt.patience > 0 ? 11 : 10;
}

static void
interval_row(struct cs_writer *w, const char *shop, size_t shoplen,
    const char *date, const struct interval *iv)
{
	char buf[CS_FMT_BUFSIZE];

	cs_writer_field(w, shop, shoplen);
	cs_writer_str(w, date);
	cs_writer_str(w, hour_str(iv->minute, buf));
	cs_writer_str(w, cs_fmt_double(buf, iv->arrivals, 1));
	cs_writer_str(w, cs_fmt_int(buf, iv->r.agents));
	cs_writer_str(w, cs_fmt_int(buf, iv->r.scheduled));
	cs_writer_str(w, cs_fmt_double(buf, iv->r.m.service_level, 4));
	cs_writer_str(w, cs_fmt_double(buf, iv->r.m.asa, 1));
	cs_writer_str(w, cs_fmt_double(buf, iv->r.m.occupancy, 4));
	cs_writer_str(w, cs_fmt_double(buf, iv->r.m.wait_probability, 4));
	if (opt.patience > 0)
		cs_writer_str(w, cs_fmt_double(buf, iv->r.m.abandon, 4));
	cs_writer_end(w);
}

static char *
percent(double v, char *buf)
{
	if (v != v) {
		buf[0] = '\0';
		return buf;
	}
	cs_fmt_double(buf, v * 100, 1);
	strcat(buf, "%");
	return buf;
}

/* A share as a percentage for a sentence: "80%", "12.5%". */
static char *
percent_short(double v, char *buf)
{
	size_t n;

	cs_fmt_double(buf, v * 100, 1);
	n = strlen(buf);
	if (n > 2 && strcmp(buf + n - 2, ".0") == 0)
		buf[n - 2] = '\0';
	strcat(buf, "%");
	return buf;
}

/* The targets line(s) of a text plan. */
static void
text_targets(struct cs_sink *out)
{
	char a[CS_FMT_BUFSIZE], b[CS_FMT_BUFSIZE];

	cs_buf_reset(&msg);
	cs_buf_adds(&msg, _("  targets    "));
	if (opt.sl > 0)
		cs_buf_printf(&msg, _("%s answered within %s s"),
		    percent_short(opt.sl, a), cs_fmt_double(b, opt.sl_time, 0));
	if (opt.asa > 0)
		cs_buf_printf(&msg, _("%smean wait of the answered at most %s s"),
		    opt.sl > 0 ? ", " : "", cs_fmt_double(a, opt.asa, 0));
	cs_buf_printf(&msg, _(", occupancy at most %s"),
	    percent_short(opt.max_occupancy, a));
	if (opt.patience > 0)
		cs_buf_printf(&msg, _(", at most %s give up"),
		    percent_short(opt.max_abandon, a));
	cs_buf_addc(&msg, '\n');
	cs_buf_printf(&msg, _("  model      Erlang %s, a chat %s s"),
	    opt.patience > 0 ? "A" : "C", cs_fmt_double(a, opt.aht, 0));
	if (opt.concurrency > 1)
		cs_buf_printf(&msg, _(", %d chats at once an agent"),
		    opt.concurrency);
	if (opt.patience > 0)
		cs_buf_printf(&msg, _(", buyers wait %s s on average before they give up;\n"
		    "             service level counts those who give up as not answered"),
		    cs_fmt_double(a, opt.patience, 0));
	cs_buf_addc(&msg, '\n');
	if (opt.shrinkage > 0)
		cs_buf_printf(&msg, _("  scheduled  agents / (1 - %s shrinkage)\n"),
		    percent_short(opt.shrinkage, a));
	out_text(out, msg.data);
}

/* The hourly table of a text plan, agents drawn as bars. */
static void
text_intervals(struct cs_sink *out, const struct interval *iv, size_t n)
{
	static const char *const header[] = {
		N_("hour"), N_("forecast"), N_("agents"), N_("scheduled"),
		N_("service"), N_("asa_s"), N_("occupancy"), N_("wait"),
		N_("abandon"), ""
	};
	const char *names[10];
	struct cs_writer *w = cs_writer_new(out, CS_FORMAT_TEXT, false);
	struct cs_buf bar = CS_BUF_INIT;
	char buf[CS_FMT_BUFSIZE];
	long top = 0;
	size_t k = 0;

	for (size_t i = 0; i < 10; i++)
		if (i != 8 || opt.patience > 0)
			names[k++] = _(header[i]);
	cs_writer_header(w, names, k);
	for (size_t i = 0; i < n; i++)
		if (iv[i].r.agents > top)
			top = iv[i].r.agents;
	for (size_t i = 0; i < n; i++) {
		const struct erl_result *r = &iv[i].r;
		cs_writer_str(w, hour_str(iv[i].minute, buf));
		cs_writer_str(w, fc_thousands(buf, iv[i].arrivals, 1));
		cs_writer_str(w, fc_thousands(buf, (double)r->agents, 0));
		cs_writer_str(w, fc_thousands(buf, (double)r->scheduled, 0));
		cs_writer_str(w, percent(r->m.service_level, buf));
		cs_writer_str(w, cs_fmt_double(buf, r->m.asa, 1));
		cs_writer_str(w, percent(r->m.occupancy, buf));
		cs_writer_str(w, percent(r->m.wait_probability, buf));
		if (opt.patience > 0)
			cs_writer_str(w, percent(r->m.abandon, buf));
		cs_buf_reset(&bar);
		fc_bar(&bar, (double)r->agents, (double)top, FC_BAR_WIDTH);
		cs_writer_field(w, bar.data != NULL ? bar.data : "", bar.len);
		cs_writer_end(w);
	}
	cs_writer_close(w);
	cs_buf_free(&bar);
}

/* "shop  2026-11-11 Wednesday" */
static void
text_title(struct cs_sink *out, const char *shop, size_t len, int64_t day)
{
	char buf[CS_DATETIME_BUFSIZE];

	cs_buf_reset(&msg);
	if (len > 0) {
		cs_buf_add(&msg, shop, len);
		if (day != FC_UNDATED)
			cs_buf_adds(&msg, "  ");
	}
	if (day != FC_UNDATED)
		cs_buf_printf(&msg, "%s %s",
		    cs_date_format(day * CS_DAY_SECONDS, buf),
		    _(weekdays[cs_weekday(day)]));
	if (msg.len == 0)
		cs_buf_adds(&msg, _("staffing plan"));
	cs_buf_addc(&msg, '\n');
	out_text(out, msg.data);
}

/* ---- the forecast of one shop and day ---- */

struct day {
	const struct shop *shop;
	int		 year;
	unsigned	 month, day;
	double		 october;	/* this October's mean */
	struct fc_october oct;		/* its days (when not --october) */
	struct fc_ratio	 ratio;
	double		 r;		/* the ratio used */
	bool		 ratio_given;	/* --ratio, no figures of our own */
	double		 forecast, low, high;
	/* --hourly */
	const struct fc_profile *profile;
	struct interval	 iv[24];
};

static const char *const daily_header[] = {
	"shop", "date", "last_october_avg", "last_day", "ratio", "october_avg",
	"forecast", "low", "high", "agents"
};

static void
daily_row(struct cs_writer *w, const struct day *x)
{
	char buf[CS_FMT_BUFSIZE];
	const struct fc_year_ratio *last = x->ratio.latest >= 0 && !x->ratio_given ?
	    &x->ratio.year[x->ratio.latest] : NULL;

	cs_writer_field(w, x->shop->s.name, x->shop->s.len);
	cs_writer_str(w, date_str(x->year, x->month, x->day, buf));
	cs_writer_str(w, last != NULL ? cs_fmt_double(buf, last->october.mean, 2) : "");
	cs_writer_str(w, last != NULL ? cs_fmt_int(buf, last->day) : "");
	cs_writer_str(w, cs_fmt_double(buf, x->r, 4));
	cs_writer_str(w, cs_fmt_double(buf, x->october, 2));
	cs_writer_str(w, cs_fmt_double(buf, x->forecast, 0));
	if (opt.years > 1) {
		cs_writer_str(w, cs_fmt_double(buf, x->low, 0));
		cs_writer_str(w, cs_fmt_double(buf, x->high, 0));
	}
	cs_writer_str(w, opt.capacity > 0 ? cs_fmt_double(buf,
	    fc_agents(x->forecast, opt.capacity, opt.shrinkage), 0) : "");
	cs_writer_end(w);
}

/* Where the ratio came from, in words, into msg. */
static void
ratio_source(const struct day *x)
{
	char a[CS_FMT_BUFSIZE], b[CS_FMT_BUFSIZE];

	if (x->ratio_given) {
		cs_buf_adds(&msg, _("--ratio: "));
		reason(x->ratio.status, &x->ratio.year[0].october,
		    x->ratio.year[0].year, x->month, x->day);
		return;
	}
	if (x->ratio.nyears == 1) {
		const struct fc_year_ratio *y = &x->ratio.year[0];
		cs_buf_printf(&msg, _("%04d-%02u-%02u: %s / October %d: %s a day"),
		    y->year, x->month, x->day, fc_thousands(a, (double)y->day, 0),
		    y->year, fc_thousands(b, y->october.mean, 2));
		return;
	}
	cs_buf_adds(&msg, _("mean of"));
	for (int i = 0; i < x->ratio.nyears; i++) {
		const struct fc_year_ratio *y = &x->ratio.year[i];
		if (y->status != FC_OK)
			continue;
		cs_buf_printf(&msg, "%s %d: %s", i == x->ratio.latest ? "" : ",",
		    y->year, cs_fmt_double(a, y->ratio, 4));
	}
}

/* "  October    1,560.00 receptions a day in 2026, over 31 days\n" */
static void
october_line(const struct day *x)
{
	char a[CS_FMT_BUFSIZE];

	cs_buf_printf(&msg, _("  October    %s receptions a day in %d"),
	    fc_thousands(a, x->october, 2), x->year);
	if (opt.october > 0)
		cs_buf_adds(&msg, _(" (--october)\n"));
	else
		cs_buf_printf(&msg, _(", over %d days\n"), x->oct.days);
}

/* The text plan of a shop with no hourly plan: one table of its days. */
static void
text_days(struct cs_sink *out, const struct day *days, size_t n)
{
	char a[CS_FMT_BUFSIZE], b[CS_DATETIME_BUFSIZE];
	const char *names[8];
	size_t k = 0;
	struct cs_writer *w;

	cs_buf_reset(&msg);
	if (days[0].shop->s.len > 0) {
		cs_buf_add(&msg, days[0].shop->s.name, days[0].shop->s.len);
		cs_buf_addc(&msg, '\n');
	}
	october_line(&days[0]);
	if (opt.capacity > 0) {
		cs_buf_printf(&msg, _("  agents     %s receptions an agent a day"),
		    fc_thousands(a, opt.capacity, 0));
		if (opt.shrinkage > 0)
			cs_buf_printf(&msg, _(", %s shrinkage"),
			    percent_short(opt.shrinkage, a));
		cs_buf_addc(&msg, '\n');
	}
	cs_buf_addc(&msg, '\n');
	out_text(out, msg.data);

	names[k++] = _("date");
	names[k++] = _("day");
	names[k++] = _("forecast");
	if (opt.years > 1) {
		names[k++] = _("low");
		names[k++] = _("high");
	}
	names[k++] = _("ratio");
	names[k++] = _("from");
	if (opt.capacity > 0)
		names[k++] = _("agents");
	w = cs_writer_new(out, CS_FORMAT_TEXT, false);
	cs_writer_header(w, names, k);
	for (size_t i = 0; i < n; i++) {
		const struct day *x = &days[i];
		cs_writer_str(w, date_str(x->year, x->month, x->day, b));
		cs_writer_str(w, _(weekdays[cs_weekday(cs_days_from_civil(x->year,
		    x->month, x->day))]));
		cs_writer_str(w, fc_thousands(a, x->forecast, 0));
		if (opt.years > 1) {
			cs_writer_str(w, fc_thousands(a, x->low, 0));
			cs_writer_str(w, fc_thousands(a, x->high, 0));
		}
		cs_writer_str(w, cs_fmt_double(a, x->r, 4));
		cs_buf_reset(&msg);
		ratio_source(x);
		cs_writer_str(w, msg.data);
		if (opt.capacity > 0)
			cs_writer_str(w, fc_thousands(a, fc_agents(x->forecast,
			    opt.capacity, opt.shrinkage), 0));
		cs_writer_end(w);
	}
	cs_writer_close(w);
}

/* The text plan of one shop and day with its hourly plan. */
static void
text_day_hours(struct cs_sink *out, const struct day *x)
{
	char a[CS_FMT_BUFSIZE], b[CS_FMT_BUFSIZE], c[CS_FMT_BUFSIZE];
	char date[CS_DATETIME_BUFSIZE];

	text_title(out, x->shop->s.name, x->shop->s.len,
	    cs_days_from_civil(x->year, x->month, x->day));
	cs_buf_reset(&msg);
	cs_buf_printf(&msg, _("  forecast   %s receptions"),
	    fc_thousands(a, x->forecast, 0));
	if (opt.years > 1)
		cs_buf_printf(&msg, _(" (low %s, high %s)"),
		    fc_thousands(b, x->low, 0), fc_thousands(c, x->high, 0));
	cs_buf_addc(&msg, '\n');
	october_line(x);
	cs_buf_printf(&msg, _("  ratio      %s from "), cs_fmt_double(a, x->r, 4));
	ratio_source(x);
	cs_buf_addc(&msg, '\n');
	if (opt.capacity > 0) {
		cs_buf_printf(&msg, _("  agents     %s for the day at %s receptions each"),
		    fc_thousands(a, fc_agents(x->forecast, opt.capacity,
		    opt.shrinkage), 0), fc_thousands(b, opt.capacity, 0));
		if (opt.shrinkage > 0)
			cs_buf_printf(&msg, _(", %s shrinkage"),
			    percent_short(opt.shrinkage, a));
		cs_buf_addc(&msg, '\n');
	}
	if (x->profile->day == FC_UNDATED)
		cs_buf_printf(&msg, _("  hours      shared out as in %s\n"),
		    opt.hourly);
	else
		cs_buf_printf(&msg, _("  hours      shared out as on %s in %s\n"),
		    cs_date_format(x->profile->day * CS_DAY_SECONDS, date),
		    opt.hourly);
	out_text(out, msg.data);
	text_targets(out);
	out_text(out, "\n");
	text_intervals(out, x->iv, 24);
}

/* ---- the forecast ---- */

static int nforecast, nfailed;

static void
shop_failed(const struct shop *s, const char *what)
{
	cs_warn("%s%s", shop_prefix(s->s.name, s->s.len), what);
	nfailed++;
}

/*
 * Whether to warn about an October of a shop: true the first time only,
 * so that a window of days does not repeat it (what: 0 days missing, 1
 * the year left out of --years).
 */
static bool
first_warning(struct shop *s, int year, int what)
{
	int key = 2 * year + what;

	for (int i = 0; i < s->nwarned; i++)
		if (s->warned[i] == key)
			return false;
	if (s->nwarned < (int)(sizeof s->warned / sizeof s->warned[0]))
		s->warned[s->nwarned++] = key;
	return true;
}

/* Warn once a shop and year about an October with days missing. */
static void
warn_missing(struct shop *s, const struct fc_october *o)
{
	if (o->days >= FC_OCTOBER_DAYS || !first_warning(s, o->year, 0))
		return;
	cs_warn(_("%sOctober %d lacks %d of its 31 days: the mean is of the %d present"),
	    shop_prefix(s->s.name, s->s.len), o->year,
	    FC_OCTOBER_DAYS - o->days, o->days);
}

/* Forecast one day of a shop into x; false (and a message) when it cannot. */
static bool
forecast_day(struct shop *s, struct day *x)
{
	struct fc_ratio *r = &x->ratio;
	char date[CS_DATETIME_BUFSIZE], num[CS_FMT_BUFSIZE];

	fc_ratio(&s->s, &opt.cal, x->year, x->month, x->day, opt.years,
	    opt.min_days, r);
	for (int i = 0; i < r->nyears; i++) {
		if (r->year[i].status == FC_OK)
			warn_missing(s, &r->year[i].october);
		else if (r->used > 0 && (r->year[i].status == FC_NO_DAY ||
		    first_warning(s, r->year[i].year, 1))) {
			cs_buf_reset(&msg);
			reason(r->year[i].status, &r->year[i].october,
			    r->year[i].year, x->month, x->day);
			cs_warn(_("%s--years %d: %d left out: %s"),
			    shop_prefix(s->s.name, s->s.len), opt.years,
			    r->year[i].year, msg.data);
		}
	}
	if (r->status == FC_OK) {
		x->r = r->mean;
		x->low = fc_round(x->october * r->low);
		x->high = fc_round(x->october * r->high);
	} else if (opt.ratio > 0) {
		x->r = opt.ratio;
		x->ratio_given = true;
	} else {
		cs_buf_reset(&msg);
		reason(r->status, &r->year[0].october, r->year[0].year, x->month,
		    x->day);
		if (r->status == FC_FEW_DAYS)
			cs_buf_adds(&msg, _(": pass a lower --min-days, or --ratio R"));
		else
			cs_buf_adds(&msg, _(": pass --ratio R for a shop without last year's figures"));
		shop_failed(s, msg.data);
		return false;
	}
	x->forecast = fc_round(x->october * x->r);
	if (x->ratio_given || opt.years == 1)
		x->low = x->high = x->forecast;
	if (opt.hourly == NULL)
		return true;

	/* The hourly plan. */
	const struct hshop *h = hourly_for(s->s.name, s->s.len);
	double arrivals[24];
	x->profile = h != NULL ? fc_profile_pick(h->p, h->n, x->month, x->day) : NULL;
	if (x->profile == NULL) {
		cs_buf_reset(&msg);
		cs_buf_printf(&msg, _("%s has no hours for %s on %02u-%02u: no hourly plan"),
		    opt.hourly, s->s.len > 0 ? _("this shop") : _("the shop"),
		    x->month, x->day);
		shop_failed(s, msg.data);
		return false;
	}
	if (fc_profile_split(x->profile, x->forecast, arrivals) != 0) {
		cs_buf_reset(&msg);
		cs_buf_printf(&msg, _("%s: every hour of %02u-%02u has 0 receptions: no curve to share the forecast out"),
		    opt.hourly, x->month, x->day);
		shop_failed(s, msg.data);
		return false;
	}
	for (int hr = 0; hr < 24; hr++) {
		x->iv[hr].minute = hr * 60;
		x->iv[hr].arrivals = arrivals[hr];
		if (staff(arrivals[hr], &x->iv[hr].r) != 0) {
			cs_buf_reset(&msg);
			cs_buf_printf(&msg, _("%s %02d:00: %s chats an hour need more than %ld servers"),
			    date_str(x->year, x->month, x->day, date), hr,
			    cs_fmt_double(num, arrivals[hr], 0), ERL_MAX_SERVERS);
			shop_failed(s, msg.data);
			return false;
		}
	}
	return true;
}

static int
by_name(const void *a, const void *b)
{
	const struct shop *x = *(struct shop *const *)a;
	const struct shop *y = *(struct shop *const *)b;
	size_t n = x->s.len < y->s.len ? x->s.len : y->s.len;
	int c = memcmp(x->s.name, y->s.name, n);

	if (c != 0)
		return c;
	return x->s.len < y->s.len ? -1 : x->s.len > y->s.len;
}

static void
forecast_all(const struct cs_common *c, struct cs_sink *out)
{
	size_t n = cs_map_count(&shops);
	struct shop **list = cs_xcalloc(n + 1, sizeof *list);
	struct day *days = cs_xcalloc(FC_MAX_DAYS, sizeof *days);
	bool text = c->format == CS_FORMAT_TEXT, first = true;
	struct cs_writer *w = NULL;
	int year;

	year = opt.year;
	if (year == 0)
		year = opt.october > 0 ? latest_year : latest_october;
	if (year == 0 && n > 0)
		cs_die(_("no October in the data: pass --year Y, and --october N for this October's mean"));
	if (text) {
		if (c->bom)
			out_text(out, "\xEF\xBB\xBF");
	} else {
		w = cs_writer_new(out, c->format, c->bom);
		if (opt.hourly != NULL)
			cs_writer_header(w, interval_header, interval_columns());
		else if (opt.years > 1)
			cs_writer_header(w, daily_header, 10);
		else {
			const char *names[8] = { "shop", "date", "last_october_avg",
			    "last_day", "ratio", "october_avg", "forecast",
			    "agents" };
			cs_writer_header(w, names, 8);
		}
	}

	for (size_t i = 0; i < n; i++)
		list[i] = cs_map_entry(&shops, i)->value;
	qsort(list, n, sizeof *list, by_name);
	for (size_t i = 0; i < n; i++) {
		struct shop *s = list[i];
		struct fc_october oct;
		size_t nd = 0;

		memset(&oct, 0, sizeof oct);
		if (opt.october == 0) {
			enum fc_status st = fc_october(&s->s, &opt.cal, year,
			    opt.min_days, &oct);
			if (st != FC_OK) {
				cs_buf_reset(&msg);
				reason(st, &oct, year, 10, 1);
				if (st == FC_FEW_DAYS)
					cs_buf_adds(&msg, _(": pass a lower --min-days, or --october N"));
				else
					cs_buf_adds(&msg, _(": pass --october N, this October's mean daily receptions"));
				shop_failed(s, msg.data);
				continue;
			}
			warn_missing(s, &oct);
		}
		for (int k = 0; k < opt.cal.ndays; k++) {
			struct day *x = &days[nd];
			memset(x, 0, sizeof *x);
			x->shop = s;
			x->year = year;
			x->month = opt.cal.month[k];
			x->day = opt.cal.day[k];
			x->oct = oct;
			x->october = opt.october > 0 ? opt.october : oct.mean;
			if (!forecast_day(s, x))
				continue;
			nforecast++;
			nd++;
			if (text || opt.hourly == NULL)
				continue;
			for (int hr = 0; hr < 24; hr++)
				interval_row(w, s->s.name, s->s.len,
				    date_str(x->year, x->month, x->day,
				    (char[CS_DATETIME_BUFSIZE]){ 0 }), &x->iv[hr]);
		}
		if (nd == 0)
			continue;
		if (!text) {
			if (opt.hourly == NULL)
				for (size_t k = 0; k < nd; k++)
					daily_row(w, &days[k]);
			continue;
		}
		if (opt.hourly == NULL) {
			if (!first)
				out_text(out, "\n");
			first = false;
			text_days(out, days, nd);
			continue;
		}
		for (size_t k = 0; k < nd; k++) {
			if (!first)
				out_text(out, "\n");
			first = false;
			text_day_hours(out, &days[k]);
		}
	}
	if (w != NULL)
		cs_writer_close(w);
	free(list);
	free(days);
}

/* ---- --staff: volume per interval in, agents out ---- */

enum { S_SHOP, S_DATE, S_INTERVAL, S_HOUR, S_ARRIVALS, S_RECEPTIONS, NSTAFF };

static const struct cs_field staff_fields[NSTAFF] = {
	{ "shop", 0 }, { "date", 0 }, { "interval", 0 }, { "hour", 0 },
	{ "arrivals", 0 }, { "receptions", 0 },
};

/* The rows of one shop and date, for a text plan. */
struct block {
	struct cs_buf	 shop;
	int64_t		 day;
	struct interval	*iv;
	size_t		 n, cap;
	bool		 any, written;
};

static void
block_flush(struct cs_sink *out, struct block *b)
{
	if (b->n == 0)
		return;
	if (b->written)
		out_text(out, "\n");
	b->written = true;
	text_title(out, b->shop.data != NULL ? b->shop.data : "", b->shop.len,
	    b->day);
	text_targets(out);
	out_text(out, "\n");
	text_intervals(out, b->iv, b->n);
	b->n = 0;
}

/* Bind a field, or its stand-in, or die naming the field. */
static int
either(const struct cs_reader *r, int *col, int f, int alt)
{
	if (col[f] >= 0)
		return col[f];
	if (col[alt] >= 0)
		return col[alt];
	struct cs_field need = staff_fields[f];
	int x;
	need.flags = CS_FIELD_REQUIRED;
	cs_fields_bind(cs_reader_header(r), cs_reader_name(r), &need, 1, &x);
	return x;
}

static void
staff_file(const struct cs_common *c, const char *path, struct cs_writer *w,
    struct cs_sink *out, struct block *b)
{
	int col[NSTAFF];
	struct cs_reader *r = cs_fields_open(path, &c->in, staff_fields, NSTAFF,
	    col, false);
	const struct cs_row *row;
	int ci = -1, ca = -1;

	if (cs_reader_header(r)->n > 0) {
		ci = either(r, col, S_INTERVAL, S_HOUR);
		ca = either(r, col, S_ARRIVALS, S_RECEPTIONS);
	}
	shop_column |= col[S_SHOP] >= 0;
	while ((row = cs_reader_next(r)) != NULL) {
		size_t sn, dn, in, an;
		const char *sv = cs_row_get(row, col[S_SHOP], &sn);
		const char *dv = cs_row_get(row, col[S_DATE], &dn);
		const char *iv = cs_row_get(row, ci, &in);
		const char *av = cs_row_get(row, ca, &an);
		const char *iname = col[S_INTERVAL] >= 0 ? "interval" : "hour";
		const char *aname = col[S_ARRIVALS] >= 0 ? "arrivals" : "receptions";
		int64_t day = FC_UNDATED, secs;
		int minute, has_time;
		double arrivals;
		struct interval one;
		char date[CS_DATETIME_BUFSIZE] = "";

		if (col[S_SHOP] >= 0 && sn == 0) {
			cs_reader_reject(r, _("shop is empty"));
			continue;
		}
		if (dn > 0 && !parse_day(r, dv, dn, &day, NULL, NULL))
			continue;
		int rc = fc_time_of_day(iv, in, &minute);
		if (rc == CS_VALUE_INVALID &&
		    cs_datetime_parse(iv, in, &secs, &has_time) == 0 && has_time) {
			day = cs_floor_div(secs, CS_DAY_SECONDS);
			minute = (int)(secs - day * CS_DAY_SECONDS) / 60;
			rc = 0;
		}
		if (rc == CS_VALUE_EMPTY) {
			cs_reader_reject(r, _("%s is empty"), iname);
			continue;
		}
		if (rc != 0) {
			cs_reader_reject(r, _("%s %s: not a time of day (00:00, 00:00-00:30, 0 to 23, or a date-time)"),
			    iname, cs_quote(iv, in));
			continue;
		}
		rc = cs_decimal_parse(av, an, &arrivals);
		if (rc == CS_VALUE_EMPTY) {
			cs_reader_reject(r, _("%s is empty"), aname);
			continue;
		}
		if (rc != 0 || memchr(av, '%', an) != NULL || arrivals != arrivals) {
			cs_reader_reject(r, _("%s %s: not a number"), aname,
			    cs_quote(av, an));
			continue;
		}
		if (arrivals < 0) {
			cs_reader_reject(r, _("%s %s: negative"), aname,
			    cs_quote(av, an));
			continue;
		}
		one.minute = minute;
		one.arrivals = arrivals;
		if (arrivals > 1e12 || staff(arrivals, &one.r) != 0) {
			cs_reader_reject(r, _("%s %s: needs more than %ld servers"),
			    aname, cs_quote(av, an), ERL_MAX_SERVERS);
			continue;
		}
		if (day != FC_UNDATED)
			cs_date_format(day * CS_DAY_SECONDS, date);
		if (w != NULL) {
			interval_row(w, sv, sn, date, &one);
			continue;
		}
		if (b->any && (b->day != day || b->shop.len != sn ||
		    memcmp(b->shop.data, sv, sn) != 0))
			block_flush(out, b);
		b->any = true;
		b->day = day;
		cs_buf_reset(&b->shop);
		cs_buf_add(&b->shop, sv, sn);
		if (b->n == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 96;
			b->iv = cs_xreallocarray(b->iv, b->cap, sizeof *b->iv);
		}
		b->iv[b->n++] = one;
	}
	cs_reader_close(r);
}

int
main(int argc, char **argv)
{
	struct cs_common c;
	int first;

	fc_calendar_init(&opt.cal);
	opt.years = 1;
	opt.min_days = 20;
	opt.sl = 0.8;
	opt.sl_time = 20;
	opt.max_occupancy = 0.85;
	opt.concurrency = 1;
	opt.max_abandon = 0.05;
	opt.interval_minutes = 60;
	first = cs_cli_parse(&tool, argc, argv, &c);
	check_options();
	if (opt.hourly != NULL && strcmp(opt.hourly, "-") == 0) {
		bool stdin_used = first == argc;
		for (int i = first; i < argc; i++)
			stdin_used |= strcmp(argv[i], "-") == 0;
		if (stdin_used)
			cs_usage_error(_("--hourly -: standard input is already the daily input"));
	}

	struct cs_sink *out = cs_cli_open_output(&c);
	cs_map_init(&shops);
	cs_map_init(&hshops);
	cs_arena_init(&arena);

	if (opt.staff) {
		struct cs_writer *w = NULL;
		struct block b;
		memset(&b, 0, sizeof b);
		if (c.format != CS_FORMAT_TEXT) {
			w = cs_writer_new(out, c.format, c.bom);
			cs_writer_header(w, interval_header, interval_columns());
		} else if (c.bom)
			out_text(out, "\xEF\xBB\xBF");
		for (int i = first; i < argc || (i == first && first == argc); i++)
			staff_file(&c, i < argc ? argv[i] : "-", w, out, &b);
		if (w != NULL)
			cs_writer_close(w);
		else
			block_flush(out, &b);
		cs_buf_free(&b.shop);
		free(b.iv);
	} else {
		for (int i = first; i < argc || (i == first && first == argc); i++)
			read_daily(&c, i < argc ? argv[i] : "-");
		if (opt.hourly != NULL)
			read_hourly(&c);
		forecast_all(&c, out);
		if (nfailed > 0 && nforecast == 0)
			cs_die(_("no forecast: every shop failed (see above)"));
	}

	for (size_t i = 0; i < cs_map_count(&shops); i++) {
		struct shop *s = cs_map_entry(&shops, i)->value;
		fc_shop_free(&s->s);
		free(s);
	}
	for (size_t i = 0; i < cs_map_count(&hshops); i++) {
		struct hshop *h = cs_map_entry(&hshops, i)->value;
		free(h->p);
		free(h);
	}
	cs_map_free(&shops);
	cs_map_free(&hshops);
	cs_arena_free(&arena);
	cs_buf_free(&msg);

	int status = cs_cli_finish(out);
	if (nfailed > 0) {
		/* The count shows even under -q: it explains exit status 3. */
		bool quiet = cs_diag_quiet();
		cs_diag_set_quiet(false);
		cs_warn(_("%d of %d forecasts not made (see above)"), nfailed,
		    nfailed + nforecast);
		cs_diag_set_quiet(quiet);
		if (status == CS_EXIT_OK)
			status = CS_EXIT_REJECTS;
	}
	return status;
}
