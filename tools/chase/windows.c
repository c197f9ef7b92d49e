/*
 * Send windows. Ranges are kept sorted by start, so the next opening is
 * the first range of the day that starts after the time, or the first
 * range of a later day.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "value.h"
#include "windows.h"

#define HOUR	3600

static void
set1(struct chase_windows *w, int ch, int dt, int start, int end)
{
	w->r[ch][dt][w->n[ch][dt]].start = start;
	w->r[ch][dt][w->n[ch][dt]].end = end;
	w->n[ch][dt]++;
}

/* The default windows (see windows.h). */
void
chase_windows_default(struct chase_windows *w)
{
	memset(w, 0, sizeof *w);
	for (int dt = 0; dt < CHASE_NDAYTYPES; dt++) {
		set1(w, CHASE_WANGWANG, dt, 0, 24 * HOUR);
		set1(w, CHASE_SMS, dt, 9 * HOUR, 22 * HOUR);
	}
	set1(w, CHASE_PHONE, CHASE_WORKDAY, 12 * HOUR, 13 * HOUR + 30 * 60);
	set1(w, CHASE_PHONE, CHASE_WORKDAY, 18 * HOUR, 21 * HOUR);
	set1(w, CHASE_PHONE, CHASE_WEEKEND, 10 * HOUR, 21 * HOUR);
}

/* H:MM or HH:MM, 24:00 allowed as an end; seconds of the day, or -1. */
static int
clock_of(const char *s, size_t n, bool end)
{
	int secs;

	if (end && n == 5 && memcmp(s, "24:00", 5) == 0)
		return 24 * HOUR;
	if (cs_clock_parse(s, n, &secs) != 0)
		return -1;
	return secs;
}

static int
cmp_range(const void *a, const void *b)
{
	const struct chase_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Parse "HH:MM-HH:MM[,...]" or "always" into ranges; count or -1. */
static int
parse_ranges(const char *s, struct chase_range *r)
{
	int n = 0;

	if (strcmp(s, "always") == 0) {
		r[0].start = 0;
		r[0].end = 24 * HOUR;
		return 1;
	}
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		const char *dash = memchr(s, '-', len);
		if (dash == NULL || n == CHASE_MAX_RANGES)
			return -1;
		r[n].start = clock_of(s, (size_t)(dash - s), false);
		r[n].end = clock_of(dash + 1, len - (size_t)(dash + 1 - s), true);
		if (r[n].start < 0 || r[n].end < 0 || r[n].end <= r[n].start)
			return -1;
		n++;
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	qsort(r, (size_t)n, sizeof *r, cmp_range);
	return n;
}

/*
 * Set a channel's windows from "CHANNEL[:workday|:weekend]=RANGES", RANGES
 * being "always" or HH:MM-HH:MM ranges separated by commas (24:00 as an
 * end; a range that would cross midnight is given as two). Without a day
 * type both are set. Returns 0, or -1 when spec is malformed.
 */
int
chase_windows_set(struct chase_windows *w, const char *spec)
{
	const char *eq = strchr(spec, '='), *colon;
	struct chase_range r[CHASE_MAX_RANGES];
	int ch, n, from = 0, to = CHASE_NDAYTYPES;

	if (eq == NULL)
		return -1;
	colon = memchr(spec, ':', (size_t)(eq - spec));
	size_t chlen = colon != NULL ? (size_t)(colon - spec) : (size_t)(eq - spec);
	if (chase_channel_parse(spec, chlen, &ch) != 0 || ch == CHASE_NONE)
		return -1;
	if (colon != NULL) {
		size_t dlen = (size_t)(eq - colon - 1);
		if (dlen == 7 && memcmp(colon + 1, "workday", 7) == 0)
			to = CHASE_WORKDAY + 1;
		else if (dlen == 7 && memcmp(colon + 1, "weekend", 7) == 0)
			from = CHASE_WEEKEND;
		else
			return -1;
	}
	if ((n = parse_ranges(eq + 1, r)) < 0)
		return -1;
	for (int dt = from; dt < to; dt++) {
		memcpy(w->r[ch][dt], r, (size_t)n * sizeof *r);
		w->n[ch][dt] = n;
	}
	return 0;
}

/* Whether day d (days since 1970-01-01) is a workday or a weekend day. */
enum chase_daytype
chase_daytype(int64_t d)
{
	return cs_weekday(d) >= 5 ? CHASE_WEEKEND : CHASE_WORKDAY;
}

/* Whether channel ch may be used at time t (seconds). */
bool
chase_windows_open(const struct chase_windows *w, int ch, int64_t t)
{
	int64_t day = cs_floor_div(t, CS_DAY_SECONDS);
	int tod = (int)(t - day * CS_DAY_SECONDS);
	enum chase_daytype dt = chase_daytype(day);

	for (int i = 0; i < w->n[ch][dt]; i++)
		if (tod >= w->r[ch][dt][i].start && tod < w->r[ch][dt][i].end)
			return true;
	return false;
}

/*
 * The first time at or after t when channel ch is open: t itself when it
 * is open, else the next opening within a week, else CHASE_NEVER.
 */
int64_t
chase_windows_next(const struct chase_windows *w, int ch, int64_t t)
{
	int64_t day = cs_floor_div(t, CS_DAY_SECONDS);
	int tod = (int)(t - day * CS_DAY_SECONDS);

	if (chase_windows_open(w, ch, t))
		return t;
	for (int k = 0; k <= 7; k++) {
		enum chase_daytype dt = chase_daytype(day + k);
		for (int i = 0; i < w->n[ch][dt]; i++) {
			int s = w->r[ch][dt][i].start;
			if (k > 0 || s > tod)
				return (day + k) * CS_DAY_SECONDS + s;
		}
	}
	return CHASE_NEVER;
}
