/*
 * The volume forecast from daily receptions: see volume.h.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "volume.h"
#include "xmalloc.h"

static const unsigned char month_days[13] = {
	0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
};

static void
calendar_reset(struct fc_calendar *cal)
{
	memset(cal->slot, 0xff, sizeof cal->slot);	/* every slot -1 */
	for (int d = 1; d <= FC_OCTOBER_DAYS; d++)
		cal->slot[10][d] = (short)(d - 1);
	cal->nslots = FC_OCTOBER_DAYS;
	cal->ndays = 0;
}

/* Keep the forecast day month-day (after the days before it). */
static void
calendar_keep(struct fc_calendar *cal, unsigned m, unsigned d)
{
	if (cal->slot[m][d] < 0)
		cal->slot[m][d] = (short)cal->nslots++;
	cal->month[cal->ndays] = (unsigned char)m;
	cal->day[cal->ndays] = (unsigned char)d;
	cal->ndays++;
}

/* A calendar of October and the default forecast day, 11-11. */
void
fc_calendar_init(struct fc_calendar *cal)
{
	calendar_reset(cal);
	calendar_keep(cal, 11, 11);
}

/* Read M-D (or M.D, M/D) at *p; false unless it is a day of every year. */
static bool
month_day(const char **p, unsigned *m, unsigned *d)
{
	unsigned v[2] = { 0, 0 };

	for (int i = 0; i < 2; i++) {
		int nd = 0;
		if (i == 1) {
			if (**p != '-' && **p != '.' && **p != '/')
				return false;
			(*p)++;
		}
		while (**p >= '0' && **p <= '9' && nd < 3) {
			v[i] = v[i] * 10 + (unsigned)(**p - '0');
			(*p)++;
			nd++;
		}
		if (nd == 0 || nd > 2)
			return false;
	}
	if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > month_days[v[0]])
		return false;
	*m = v[0];
	*d = v[1];
	return true;
}

/*
 * Set the forecast days from a --days value: MM-DD, MM-DD..MM-DD, or a
 * comma-separated list of them. The days are kept in calendar order, each
 * once. Returns -1 (calendar unchanged) when the value is not such a list,
 * a range runs backwards (or across the new year), or 02-29 is asked for
 * (not a day of every year).
 */
int
fc_calendar_days(struct fc_calendar *cal, const char *spec)
{
	bool want[13][32];
	const char *p = spec;

	memset(want, 0, sizeof want);
	for (;;) {
		unsigned m, d, m2, d2;
		if (!month_day(&p, &m, &d))
			return -1;
		m2 = m;
		d2 = d;
		if (p[0] == '.' && p[1] == '.') {
			p += 2;
			if (!month_day(&p, &m2, &d2))
				return -1;
			if (m2 < m || (m2 == m && d2 < d))
				return -1;
		}
		for (;;) {
			want[m][d] = true;
			if (m == m2 && d == d2)
				break;
			if (++d > month_days[m]) {
				d = 1;
				m++;
			}
		}
		if (*p == '\0')
			break;
		if (*p != ',')
			return -1;
		p++;
	}
	calendar_reset(cal);
	for (unsigned m = 1; m <= 12; m++)
		for (unsigned d = 1; d <= month_days[m]; d++)
			if (want[m][d])
				calendar_keep(cal, m, d);
	return 0;
}

/* A shop without rows; name (not copied) must outlive it. */
void
fc_shop_init(struct fc_shop *s, const char *name, size_t len)
{
	memset(s, 0, sizeof *s);
	s->name = name;
	s->len = len;
}

static struct fc_year *
find_year(const struct fc_shop *s, int year)
{
	if (s->hint < s->nyears && s->years[s->hint].year == year)
		return &s->years[s->hint];
	for (size_t i = 0; i < s->nyears; i++)
		if (s->years[i].year == year)
			return &s->years[i];
	return NULL;
}

/*
 * Add n receptions on y-m-d. A day the calendar does not keep is dropped.
 * The calendar must not change once rows are added.
 */
void
fc_shop_add(struct fc_shop *s, const struct fc_calendar *cal,
    struct cs_arena *arena, int y, unsigned m, unsigned d, int64_t n)
{
	int slot = cal->slot[m][d];
	struct fc_year *yr;

	if (slot < 0)
		return;
	yr = find_year(s, y);
	if (yr == NULL) {
		if (s->nyears == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 4;
			s->years = cs_xreallocarray(s->years, s->cap,
			    sizeof *s->years);
		}
		yr = &s->years[s->nyears++];
		yr->year = y;
		yr->n = cs_arena_alloc(arena, (size_t)cal->nslots * sizeof *yr->n);
		for (int i = 0; i < cal->nslots; i++)
			yr->n[i] = -1;
	}
	s->hint = (size_t)(yr - s->years);
	if (yr->n[slot] < 0)
		yr->n[slot] = n;
	else
		yr->n[slot] += n;
}

/* Receptions on y-m-d; -1 when the shop has no row that day. */
int64_t
fc_shop_get(const struct fc_shop *s, const struct fc_calendar *cal, int y,
    unsigned m, unsigned d)
{
	const struct fc_year *yr;
	int slot;

	if (m < 1 || m > 12 || d < 1 || d > 31 || (slot = cal->slot[m][d]) < 0)
		return -1;
	yr = find_year(s, y);
	return yr != NULL ? yr->n[slot] : -1;
}

void
fc_shop_free(struct fc_shop *s)
{
	free(s->years);
	s->years = NULL;
	s->nyears = s->cap = 0;
}

/*
 * October of year: the days with a row, their sum and mean. FC_NO_OCTOBER
 * without any day, FC_FEW_DAYS with fewer than min_days, else FC_OK (even
 * when every day is 0: that is a mean of 0, for the caller to judge).
 */
enum fc_status
fc_october(const struct fc_shop *s, const struct fc_calendar *cal, int year,
    int min_days, struct fc_october *o)
{
	memset(o, 0, sizeof *o);
	o->year = year;
	for (unsigned d = 1; d <= FC_OCTOBER_DAYS; d++) {
		int64_t n = fc_shop_get(s, cal, year, 10, d);
		if (n >= 0) {
			o->days++;
			o->sum += n;
		}
	}
	if (o->days == 0)
		return FC_NO_OCTOBER;
	o->mean = (double)o->sum / o->days;
	return o->days < min_days ? FC_FEW_DAYS : FC_OK;
}

/*
 * The ratio of month-day to October for the years before target: Y-1 down
 * to Y-nyears. A year gives a ratio when its October has min_days days or
 * more, not all 0, and the day has a row. r->mean, low and high are the
 * mean, min and max of those ratios; r->status is FC_OK when at least one
 * year gave one, else the reason Y-1 did not.
 */
enum fc_status
fc_ratio(const struct fc_shop *s, const struct fc_calendar *cal, int target,
    unsigned month, unsigned day, int nyears, int min_days, struct fc_ratio *r)
{
	double sum = 0;

	memset(r, 0, sizeof *r);
	if (nyears > FC_MAX_YEARS)
		nyears = FC_MAX_YEARS;
	r->nyears = nyears;
	r->latest = -1;
	for (int i = 0; i < nyears; i++) {
		struct fc_year_ratio *yr = &r->year[i];
		yr->year = target - 1 - i;
		yr->status = fc_october(s, cal, yr->year, min_days, &yr->october);
		yr->day = fc_shop_get(s, cal, yr->year, month, day);
		if (yr->status == FC_OK && yr->october.sum == 0)
			yr->status = FC_ZERO_OCTOBER;
		if (yr->status == FC_OK && yr->day < 0)
			yr->status = FC_NO_DAY;
		if (yr->status != FC_OK)
			continue;
		yr->ratio = (double)yr->day / yr->october.mean;
		if (r->used == 0) {
			r->latest = i;
			r->low = r->high = yr->ratio;
		}
		if (yr->ratio < r->low)
			r->low = yr->ratio;
		if (yr->ratio > r->high)
			r->high = yr->ratio;
		sum += yr->ratio;
		r->used++;
	}
	if (r->used > 0)
		r->mean = sum / r->used;
	r->status = r->used > 0 ? FC_OK : r->year[0].status;
	return r->status;
}

/* x rounded to a whole number, halves up (x >= 0). */
double
fc_round(double x)
{
	return floor(x + 0.5);
}

/*
 * ceil(x), forgiving the last bits of a double: 21 / (1 - 0.3) is
 * 30.000000000000004 in binary, and must give 30, not 31.
 */
double
fc_ceil(double x)
{
	return ceil(x - 1e-9 * (fabs(x) > 1 ? fabs(x) : 1));
}

/* Agents for a day: ceil(forecast / capacity / (1 - shrinkage)). */
double
fc_agents(double forecast, double capacity, double shrinkage)
{
	if (!(forecast > 0))
		return 0;
	return fc_ceil(forecast / capacity / (1 - shrinkage));
}
