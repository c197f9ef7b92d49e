/*
 * Hours and hourly profiles: see hourly.h.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "datetime.h"
#include "hourly.h"
#include "value.h"

static void
spaces(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/*
 * A time of day at *p: H or HH (an hour), H:MM or H:MM:SS, each
 * optionally followed by 时 or 点. Minutes of the day in *minute; max_hour
 * is 23 for a start, 24 for the end of a range (24:00).
 */
static bool
clock_at(const char **p, const char *end, int max_hour, int *minute)
{
	int h = 0, mi = 0, nd = 0;

	while (*p < end && **p >= '0' && **p <= '9' && nd < 3) {
		h = h * 10 + (**p - '0');
		(*p)++;
		nd++;
	}
	if (nd == 0 || nd > 2)
		return false;
	if (cs_skip_lit(p, end, ":")) {
		for (nd = 0; nd < 2; nd++) {
			if (*p >= end || **p < '0' || **p > '9')
				return false;
			mi = mi * 10 + (**p - '0');
			(*p)++;
		}
		if (cs_skip_lit(p, end, ":")) {
			for (nd = 0; nd < 2; nd++) {
				if (*p >= end || **p < '0' || **p > '9')
					return false;
				(*p)++;
			}
		}
	}
	(void)(cs_skip_lit(p, end, "时") || cs_skip_lit(p, end, "点"));
	if (h > max_hour || mi > 59 || (h == 24 && mi != 0))
		return false;
	*minute = h * 60 + mi;
	return true;
}

/*
 * Parse the start of an hour or an interval as exports write it: 0 to 23,
 * 00:00, 0:30:00, 9时, 9点, or a range such as 00:00-01:00, 0:00~0:30,
 * 9-10, 9时至10时 (the end is checked, then dropped). Minutes since
 * midnight in *minute. Returns 0, CS_VALUE_EMPTY or CS_VALUE_INVALID.
 */
int
fc_time_of_day(const char *s, size_t n, int *minute)
{
	static const char *const seps[] = {
		"-", "~", "\xEF\xBD\x9E" /* ～ */, "\xE2\x80\x94" /* — */,
		"\xE2\x80\x93" /* – */, "至", "到", NULL
	};
	const char *p, *end;
	int start, stop;
	size_t i;

	cs_trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	p = s;
	end = s + n;
	if (!clock_at(&p, end, 23, &start))
		return CS_VALUE_INVALID;
	spaces(&p, end);
	if (p < end) {
		for (i = 0; seps[i] != NULL; i++)
			if (cs_skip_lit(&p, end, seps[i]))
				break;
		if (seps[i] == NULL)
			return CS_VALUE_INVALID;
		spaces(&p, end);
		if (!clock_at(&p, end, 24, &stop) || p != end)
			return CS_VALUE_INVALID;
	}
	*minute = start;
	return 0;
}

/*
 * The profile to use for month-day among n: the latest dated one on that
 * month and day (whatever its year, so that a new shop can borrow another
 * year's curve), else an undated one; NULL when there is neither.
 */
const struct fc_profile *
fc_profile_pick(const struct fc_profile *p, size_t n, unsigned month,
    unsigned day)
{
	const struct fc_profile *best = NULL, *undated = NULL;

	for (size_t i = 0; i < n; i++) {
		int y;
		unsigned m, d;
		if (p[i].day == FC_UNDATED) {
			if (undated == NULL)
				undated = &p[i];
			continue;
		}
		cs_civil_from_days(p[i].day, &y, &m, &d);
		if (m == month && d == day && (best == NULL || p[i].day > best->day))
			best = &p[i];
	}
	return best != NULL ? best : undated;
}

/*
 * Share forecast out over the 24 hours in proportion to the profile:
 * out[h] = forecast x n[h] / (sum of n). Returns -1 (out untouched) when
 * the profile holds no reception at all.
 */
int
fc_profile_split(const struct fc_profile *p, double forecast, double *out)
{
	int64_t total = 0;

	for (int h = 0; h < 24; h++)
		total += p->n[h];
	if (total <= 0)
		return -1;
	for (int h = 0; h < 24; h++)
		out[h] = forecast * (double)p->n[h] / (double)total;
	return 0;
}
