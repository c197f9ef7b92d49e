/*
 * Civil dates. days_from_civil and civil_from_days follow the well-known
 * era-based formulation (400-year eras of 146097 days), exact for every
 * date in int range.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "datetime.h"
#include "fmt.h"
#include "value.h"

/* Floor division (rounds towards minus infinity). */
int64_t
cs_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Days since 1970-01-01 of y-m-d. */
int64_t
cs_days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = cs_floor_div(y, 400);
	unsigned yoe = (unsigned)(y - era * 400);			/* [0, 399] */
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;	/* [0, 365] */
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;		/* [0, 146096] */
	return era * 146097 + (int64_t)doe - 719468;
}

/* The date of day z (days since 1970-01-01). */
void
cs_civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = cs_floor_div(z, 146097);
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

/* Day of the week of day z: 0 Monday ... 6 Sunday. */
int
cs_weekday(int64_t z)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)((z % 7 + 7 + 3) % 7);
}

static unsigned
days_in_month(int y, unsigned m)
{
	static const unsigned char dim[] = { 31, 28, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31 };

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return dim[m - 1];
}

/* Read 1..max digits; returns how many were read. */
static int
digits(const char **p, const char *end, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (*p < end && n < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* The number the width digits at p write, or -1 when one is not a digit. */
static inline int
width_digits(const char *p, int width)
{
	int v = 0;

	for (int i = 0; i < width; i++) {
		unsigned d = (unsigned char)p[i] - (unsigned)'0';
		if (d > 9)
			return -1;
		v = v * 10 + (int)d;
	}
	return v;
}

/* Parse H:MM[:SS[.fff]] at p; seconds of the day in *secs. */
static bool
clock_at(const char **p, const char *end, int *secs)
{
	int h, mi, se = 0;

	if (digits(p, end, 2, &h) == 0 || !cs_skip_lit(p, end, ":") ||
	    digits(p, end, 2, &mi) != 2)
		return false;
	if (cs_skip_lit(p, end, ":")) {
		if (digits(p, end, 2, &se) != 2)
			return false;
		if (cs_skip_lit(p, end, ".")) {
			int f;
			if (digits(p, end, 9, &f) == 0)
				return false;
		}
	}
	if (h > 23 || mi > 59 || se > 59)
		return false;
	*secs = h * 3600 + mi * 60 + se;
	return true;
}

/*
 * YYYY-MM-DD HH:MM:SS, what nearly every export writes, read in one step.
 * False when p[0..19) is not that form or not a valid time: the general
 * parser then gives the answer.
 */
static bool
usual_form(const char *p, int64_t *secs)
{
	int v[6];

	if (p[4] != '-' || p[7] != '-' || p[10] != ' ' || p[13] != ':' ||
	    p[16] != ':')
		return false;
	v[0] = width_digits(p, 4);
	v[1] = width_digits(p + 5, 2);
	v[2] = width_digits(p + 8, 2);
	v[3] = width_digits(p + 11, 2);
	v[4] = width_digits(p + 14, 2);
	v[5] = width_digits(p + 17, 2);
	if ((v[1] | v[2] | v[3] | v[4] | v[5]) < 0 || v[0] < 1900 ||
	    v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    (unsigned)v[2] > days_in_month(v[0], (unsigned)v[1]) ||
	    v[3] > 23 || v[4] > 59 || v[5] > 59)
		return false;
	*secs = cs_days_from_civil(v[0], (unsigned)v[1], (unsigned)v[2]) *
	    CS_DAY_SECONDS + v[3] * 3600 + v[4] * 60 + v[5];
	return true;
}

/*
 * Parse a date or a date-time. Returns 0 with the seconds in *secs and
 * whether a time of day was given in *has_time (may be NULL);
 * CS_VALUE_EMPTY for an empty value; CS_VALUE_INVALID otherwise.
 */
int
cs_datetime_parse(const char *s, size_t n, int64_t *secs, int *has_time)
{
	const char *p = s, *end = s + n;
	int y, m, d, tod = 0, nd;
	bool cjk = false;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end)
		return CS_VALUE_EMPTY;
	if (end - p == 19 && usual_form(p, secs)) {
		if (has_time != NULL)
			*has_time = 1;
		return 0;
	}
	nd = digits(&p, end, 8, &y);
	if (nd == 8) {			/* 20261111 */
		d = y % 100;
		m = y / 100 % 100;
		y /= 10000;
	} else if (nd == 4) {
		char sep = p < end ? *p : 0;
		if (sep == '-' || sep == '/' || sep == '.')
			p++;
		else if (cs_skip_lit(&p, end, "年"))
			cjk = true;
		else
			return CS_VALUE_INVALID;
		if (digits(&p, end, 2, &m) == 0)
			return CS_VALUE_INVALID;
		if (cjk ? !cs_skip_lit(&p, end, "月") : !(p < end && *p == sep))
			return CS_VALUE_INVALID;
		if (!cjk)
			p++;
		if (digits(&p, end, 2, &d) == 0)
			return CS_VALUE_INVALID;
		if (cjk)
			(void)(cs_skip_lit(&p, end, "日") || cs_skip_lit(&p, end, "号"));
	} else
		return CS_VALUE_INVALID;
	if (y < 1900 || m < 1 || m > 12 || d < 1 ||
	    (unsigned)d > days_in_month(y, (unsigned)m))
		return CS_VALUE_INVALID;
	if (has_time != NULL)
		*has_time = 0;
	if (p < end) {
		if (*p == 'T')
			p++;
		else if (*p == ' ' || *p == '\t')
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
		else if (!cjk)
			return CS_VALUE_INVALID;
		if (!clock_at(&p, end, &tod) || p != end)
			return CS_VALUE_INVALID;
		if (has_time != NULL)
			*has_time = 1;
	}
	*secs = cs_days_from_civil(y, (unsigned)m, (unsigned)d) * CS_DAY_SECONDS + tod;
	return 0;
}

/* Parse a clock time H:MM[:SS] alone; seconds of the day in *secs. */
int
cs_clock_parse(const char *s, size_t n, int *secs)
{
	const char *p = s, *end = s + n;

	if (n == 0)
		return CS_VALUE_EMPTY;
	if (!clock_at(&p, end, secs) || p != end)
		return CS_VALUE_INVALID;
	return 0;
}

/* YYYY-MM-DD at p for a year of 0 to 9999, without a NUL; returns the end. */
static char *
put_date(char *p, int y, unsigned m, unsigned d)
{
	p = cs_fmt_digits(p, (uint64_t)y, 4);
	*p++ = '-';
	p = cs_fmt_digits(p, m, 2);
	*p++ = '-';
	return cs_fmt_digits(p, d, 2);
}

/* Format the date of secs as YYYY-MM-DD (buf of CS_DATETIME_BUFSIZE). */
char *
cs_date_format(int64_t secs, char *buf)
{
	int y;
	unsigned m, d;

	cs_civil_from_days(cs_floor_div(secs, CS_DAY_SECONDS), &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, CS_DATETIME_BUFSIZE, "%04d-%02u-%02u", y, m, d);
		return buf;
	}
	*put_date(buf, y, m, d) = '\0';
	return buf;
}

/* Format secs as YYYY-MM-DD HH:MM:SS (buf of CS_DATETIME_BUFSIZE). */
char *
cs_datetime_format(int64_t secs, char *buf)
{
	int64_t day = cs_floor_div(secs, CS_DAY_SECONDS);
	int64_t tod = secs - day * CS_DAY_SECONDS;
	int y;
	unsigned m, d;

	cs_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, CS_DATETIME_BUFSIZE, "%04d-%02u-%02u %02d:%02d:%02d",
		    y, m, d, (int)(tod / 3600), (int)(tod / 60 % 60),
		    (int)(tod % 60));
		return buf;
	}
	char *p = put_date(buf, y, m, d);
	*p++ = ' ';
	p = cs_fmt_digits(p, (uint64_t)(tod / 3600), 2);
	*p++ = ':';
	p = cs_fmt_digits(p, (uint64_t)(tod / 60 % 60), 2);
	*p++ = ':';
	p = cs_fmt_digits(p, (uint64_t)(tod % 60), 2);
	*p = '\0';
	return buf;
}
