/*
 * Dates and times: the civil-days algorithm over a wide range, every
 * accepted way of writing a date-time, and the dates that do not exist.
 */
#include "config.h"

#include <stdint.h>

#include "ck.h"
#include "datetime.h"
#include "value.h"

#define D20261111	INT64_C(20768)		/* days since 1970-01-01 */
#define S20261111	(D20261111 * 86400)

START_TEST(test_days_known)
{
	ck_assert_int_eq(cs_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(cs_days_from_civil(1970, 1, 2), 1);
	ck_assert_int_eq(cs_days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(cs_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(cs_days_from_civil(2000, 2, 29), 11016);
	ck_assert_int_eq(cs_days_from_civil(1900, 1, 1), -25567);
	ck_assert_int_eq(cs_days_from_civil(2026, 11, 11), D20261111);
	ck_assert_int_eq(cs_days_from_civil(2026, 1, 1), 20454);
	ck_assert_int_eq(cs_days_from_civil(1600, 1, 1), -135140);
	ck_assert_int_eq(cs_days_from_civil(0, 3, 1), -719468);
	ck_assert_int_eq(cs_days_from_civil(-1, 12, 31), -719529);
}
END_TEST

static int
leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/*
 * Walk a day at a time over about 5,500 years, on both sides of 1970: each
 * day must be the calendar's next date after the one before, and both
 * functions must agree. With the fixed point 1970-01-01 = 0, that pins
 * every day. (Plain ifs: a Check assertion costs a system call.)
 */
START_TEST(test_days_round_trip)
{
	int y, py, ny;
	unsigned m, d, pm, pd, nm, nd, last;
	static const unsigned dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };

	cs_civil_from_days(-1000001, &py, &pm, &pd);
	for (int64_t z = -1000000; z <= 1000000; z++) {
		cs_civil_from_days(z, &y, &m, &d);
		last = dim[pm - 1] + (pm == 2 && leap(py));
		ny = py;
		nm = pm;
		nd = pd + 1;
		if (pd == last) {
			nd = 1;
			if (++nm > 12) {
				nm = 1;
				ny++;
			}
		}
		if (y != ny || m != nm || d != nd)
			ck_abort_msg("day %lld: %d-%u-%u after %d-%u-%u",
			    (long long)z, y, m, d, py, pm, pd);
		if (cs_days_from_civil(y, m, d) != z)
			ck_abort_msg("%d-%u-%u is not day %lld", y, m, d,
			    (long long)z);
		py = y;
		pm = m;
		pd = d;
	}
	ck_assert_int_eq(py, 4707);	/* it did walk */
	cs_civil_from_days(0, &y, &m, &d);
	ck_assert_int_eq(y, 1970);
	ck_assert_uint_eq(m, 1);
	ck_assert_uint_eq(d, 1);
	cs_civil_from_days(-719162, &y, &m, &d);
	ck_assert_int_eq(y, 1);
	ck_assert_uint_eq(m, 1);
	ck_assert_uint_eq(d, 1);
}
END_TEST

START_TEST(test_weekday)
{
	ck_assert_int_eq(cs_weekday(0), 3);			/* Thursday */
	ck_assert_int_eq(cs_weekday(-1), 2);			/* Wednesday */
	ck_assert_int_eq(cs_weekday(-7), 3);
	ck_assert_int_eq(cs_weekday(D20261111), 2);		/* a Wednesday */
	ck_assert_int_eq(cs_weekday(cs_days_from_civil(2026, 11, 16)), 0);
	ck_assert_int_eq(cs_weekday(cs_days_from_civil(2026, 11, 15)), 6);
	ck_assert_int_eq(cs_weekday(cs_days_from_civil(1900, 1, 1)), 0);
	for (int64_t z = -100000; z < 100000; z++)
		if (cs_weekday(z + 1) != (cs_weekday(z) + 1) % 7)
			ck_abort_msg("weekday of day %lld", (long long)z);
}
END_TEST

START_TEST(test_floor_div)
{
	ck_assert_int_eq(cs_floor_div(7, 2), 3);
	ck_assert_int_eq(cs_floor_div(-7, 2), -4);
	ck_assert_int_eq(cs_floor_div(7, -2), -4);
	ck_assert_int_eq(cs_floor_div(-7, -2), 3);
	ck_assert_int_eq(cs_floor_div(-8, 2), -4);
	ck_assert_int_eq(cs_floor_div(0, 5), 0);
	ck_assert_int_eq(cs_floor_div(-1, 86400), -1);
	ck_assert_int_eq(cs_floor_div(-86400, 86400), -1);
	ck_assert_int_eq(cs_floor_div(-86401, 86400), -2);
}
END_TEST

struct dt_case {
	const char	*in;
	int		 rc;
	int64_t		 secs;
	int		 has_time;
};

static const struct dt_case cases[] = {
	/* Every accepted format. */
	{ "2026-11-11 00:03:12", 0, S20261111 + 192, 1 },
	{ "2026/11/11 0:03", 0, S20261111 + 180, 1 },
	{ "2026/11/11 00:03:12", 0, S20261111 + 192, 1 },
	{ "2026-11-11T00:03", 0, S20261111 + 180, 1 },
	{ "2026-11-11T23:59:59", 0, S20261111 + 86399, 1 },
	{ "2026.11.11 12:00", 0, S20261111 + 43200, 1 },
	{ "2026\xE5\xB9\xB4" "11\xE6\x9C\x88" "11\xE6\x97\xA5 00:03", 0,
	    S20261111 + 180, 1 },			/* 2026年11月11日 00:03 */
	{ "2026\xE5\xB9\xB4" "11\xE6\x9C\x88" "11\xE6\x97\xA5" "00:03", 0,
	    S20261111 + 180, 1 },			/* no space */
	{ "2026\xE5\xB9\xB4" "11\xE6\x9C\x88" "11\xE6\x97\xA5", 0,
	    S20261111, 0 },				/* 2026年11月11日 */
	{ "2026\xE5\xB9\xB4" "11\xE6\x9C\x88" "11\xE5\x8F\xB7", 0,
	    S20261111, 0 },				/* 2026年11月11号 */
	{ "2026\xE5\xB9\xB4" "1\xE6\x9C\x88" "5\xE6\x97\xA5", 0,
	    (D20261111 - 310) * 86400, 0 },		/* 2026年1月5日 */
	{ "20261111", 0, S20261111, 0 },
	{ "20261111 00:03", 0, S20261111 + 180, 1 },
	{ "2026-11-11", 0, S20261111, 0 },
	{ "2026/11/11", 0, S20261111, 0 },
	{ "2026.11.11", 0, S20261111, 0 },
	{ "2026-1-5", 0, (D20261111 - 310) * 86400, 0 },
	{ "2026/1/5 9:05", 0, (D20261111 - 310) * 86400 + 32700, 1 },
	/* Fractions of a second are dropped. */
	{ "2026-11-11 00:03:12.5", 0, S20261111 + 192, 1 },
	{ "2026-11-11 00:03:12.999", 0, S20261111 + 192, 1 },
	{ "2026-11-11T00:03:12.123456789", 0, S20261111 + 192, 1 },
	/* Spaces around and between. */
	{ "  2026-11-11 00:03  ", 0, S20261111 + 180, 1 },
	{ "2026-11-11   00:03", 0, S20261111 + 180, 1 },
	{ "\t2026-11-11\t00:03\t", 0, S20261111 + 180, 1 },
	/* Leap years. */
	{ "2024-02-29", 0, INT64_C(19782) * 86400, 0 },
	{ "2000-02-29", 0, INT64_C(11016) * 86400, 0 },
	{ "2026-02-28 23:59:59", 0, INT64_C(20512) * 86400 + 86399, 1 },
	{ "2026-02-29", CS_VALUE_INVALID, 0, 0 },
	{ "1900-02-29", CS_VALUE_INVALID, 0, 0 },
	{ "2100-02-29", CS_VALUE_INVALID, 0, 0 },
	/* Ranges. */
	{ "1900-01-01 00:00:00", 0, INT64_C(-25567) * 86400, 1 },
	{ "1969-12-31 23:59:59", 0, -1, 1 },
	{ "1970-01-01 00:00:00", 0, 0, 1 },
	{ "9999-12-31 23:59:59", 0, INT64_C(2932896) * 86400 + 86399, 1 },
	{ "1899-12-31", CS_VALUE_INVALID, 0, 0 },
	{ "2026-13-01", CS_VALUE_INVALID, 0, 0 },
	{ "2026-00-10", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-00", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-31", CS_VALUE_INVALID, 0, 0 },
	{ "2026-04-31", CS_VALUE_INVALID, 0, 0 },
	{ "2026-12-32", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 24:00", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 23:60", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 23:59:60", CS_VALUE_INVALID, 0, 0 },
	/* Malformed. */
	{ "2026-11-11 1:2", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 12", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 12:", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 00:03:1", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 00:03:12.", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 00:03 PM", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11T", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11x", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-1100:03", CS_VALUE_INVALID, 0, 0 },
	{ "2026/11-11", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11/11", CS_VALUE_INVALID, 0, 0 },
	{ "2026-111-1", CS_VALUE_INVALID, 0, 0 },
	{ "2026--11", CS_VALUE_INVALID, 0, 0 },
	{ "26-11-11", CS_VALUE_INVALID, 0, 0 },
	{ "11/11/2026", CS_VALUE_INVALID, 0, 0 },
	{ "2026111", CS_VALUE_INVALID, 0, 0 },
	{ "202611111", CS_VALUE_INVALID, 0, 0 },
	{ "20261311", CS_VALUE_INVALID, 0, 0 },
	{ "2026\xE5\xB9\xB4" "11", CS_VALUE_INVALID, 0, 0 },
	{ "2026\xE5\xB9\xB4" "11\xE6\x9C\x88", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11", CS_VALUE_INVALID, 0, 0 },
	{ "abc", CS_VALUE_INVALID, 0, 0 },
	{ "-", CS_VALUE_INVALID, 0, 0 },
	{ "", CS_VALUE_EMPTY, 0, 0 },
	{ "   ", CS_VALUE_EMPTY, 0, 0 },
	/* Nineteen characters: the one-step path and the general one agree. */
	{ "2024-02-29 23:59:59", 0, INT64_C(19782) * 86400 + 86399, 1 },
	{ "2026-02-29 10:00:00", CS_VALUE_INVALID, 0, 0 },
	{ "1899-12-31 23:59:59", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 24:00:00", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 00:60:00", CS_VALUE_INVALID, 0, 0 },
	{ "2026-1a-11 00:00:00", CS_VALUE_INVALID, 0, 0 },
	{ "2026-11-11 00:03:1x", CS_VALUE_INVALID, 0, 0 },
	{ "2026/11/11 00:03:12", 0, S20261111 + 192, 1 },
	{ "2026-11-11T00:03:12", 0, S20261111 + 192, 1 },
	{ " 2026-11-11 00:03:12 ", 0, S20261111 + 192, 1 },
};

START_TEST(test_parse_table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct dt_case *c = &cases[i];
		int64_t secs = -777;
		int has_time = -1;
		int rc = cs_datetime_parse(c->in, strlen(c->in), &secs, &has_time);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc != 0) {
			ck_assert_msg(secs == -777, "\"%s\": value stored", c->in);
			continue;
		}
		ck_assert_msg(secs == c->secs, "\"%s\": %lld, expected %lld",
		    c->in, (long long)secs, (long long)c->secs);
		ck_assert_msg(has_time == c->has_time, "\"%s\": has_time %d",
		    c->in, has_time);
		/* has_time is optional. */
		secs = -777;
		ck_assert_int_eq(cs_datetime_parse(c->in, strlen(c->in), &secs,
		    NULL), 0);
		ck_assert_int_eq(secs, c->secs);
	}
}
END_TEST

START_TEST(test_parse_uses_length)
{
	int64_t secs;
	int has_time;

	ck_assert_int_eq(cs_datetime_parse("2026-11-11 00:03:12", 10, &secs,
	    &has_time), 0);
	ck_assert_int_eq(secs, S20261111);
	ck_assert_int_eq(has_time, 0);
	ck_assert_int_eq(cs_datetime_parse("2026-11-11 00:03:12", 16, &secs,
	    &has_time), 0);
	ck_assert_int_eq(secs, S20261111 + 180);
	ck_assert_int_eq(cs_datetime_parse("2026-11-11 00:03:12", 12, &secs,
	    &has_time), CS_VALUE_INVALID);
}
END_TEST

START_TEST(test_clock_parse)
{
	int secs = -1;

	ck_assert_int_eq(cs_clock_parse("0:00", 4, &secs), 0);
	ck_assert_int_eq(secs, 0);
	ck_assert_int_eq(cs_clock_parse("9:05", 4, &secs), 0);
	ck_assert_int_eq(secs, 32700);
	ck_assert_int_eq(cs_clock_parse("22:00", 5, &secs), 0);
	ck_assert_int_eq(secs, 79200);
	ck_assert_int_eq(cs_clock_parse("23:59:59", 8, &secs), 0);
	ck_assert_int_eq(secs, 86399);
	ck_assert_int_eq(cs_clock_parse("", 0, &secs), CS_VALUE_EMPTY);
	ck_assert_int_eq(cs_clock_parse("24:00", 5, &secs), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_clock_parse("12", 2, &secs), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_clock_parse("12:5", 4, &secs), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_clock_parse("12:00x", 6, &secs), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_clock_parse("123:00", 6, &secs), CS_VALUE_INVALID);
}
END_TEST

START_TEST(test_format)
{
	char buf[CS_DATETIME_BUFSIZE];

	ck_assert_str_eq(cs_date_format(S20261111 + 192, buf), "2026-11-11");
	ck_assert_str_eq(cs_datetime_format(S20261111 + 192, buf),
	    "2026-11-11 00:03:12");
	ck_assert_str_eq(cs_datetime_format(0, buf), "1970-01-01 00:00:00");
	ck_assert_str_eq(cs_datetime_format(-1, buf), "1969-12-31 23:59:59");
	ck_assert_str_eq(cs_date_format(-1, buf), "1969-12-31");
	ck_assert_str_eq(cs_date_format(-86400, buf), "1969-12-31");
	ck_assert_str_eq(cs_date_format(-86401, buf), "1969-12-30");
	ck_assert_str_eq(cs_datetime_format(INT64_C(-25567) * 86400, buf),
	    "1900-01-01 00:00:00");
	ck_assert_str_eq(cs_datetime_format(INT64_C(2932896) * 86400 + 86399,
	    buf), "9999-12-31 23:59:59");
	ck_assert_ptr_eq(cs_date_format(0, buf), buf);
	/* Past year 9999 the year takes five digits. */
	ck_assert_str_eq(cs_datetime_format(INT64_C(2932897) * 86400 + 3723,
	    buf), "10000-01-01 01:02:03");
	ck_assert_str_eq(cs_date_format(INT64_C(2932897) * 86400, buf),
	    "10000-01-01");
	ck_assert_str_eq(cs_datetime_format(INT64_C(-719528) * 86400 + 59,
	    buf), "0000-01-01 00:00:59");
}
END_TEST

/* Every 7919 seconds over 63 years around 1970, written and read back. */
START_TEST(test_format_parse_round_trip)
{
	char buf[CS_DATETIME_BUFSIZE];
	int64_t back;
	int has_time, n = 0;

	for (int64_t s = INT64_C(-3) * 366 * 86400; s < INT64_C(60) * 366 * 86400;
	    s += 7919, n++) {
		cs_datetime_format(s, buf);
		if (cs_datetime_parse(buf, strlen(buf), &back, &has_time) != 0 ||
		    back != s || has_time != 1)
			ck_abort_msg("%s read back as %lld", buf, (long long)back);
		cs_date_format(s, buf);
		if (cs_datetime_parse(buf, strlen(buf), &back, &has_time) != 0 ||
		    back != cs_floor_div(s, 86400) * 86400 || has_time != 0)
			ck_abort_msg("%s read back as %lld", buf, (long long)back);
	}
	ck_assert_int_gt(n, 200000);
}
END_TEST

static Suite *
datetime_suite(void)
{
	Suite *s = suite_create("datetime");
	TCase *tc = tcase_create("datetime");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_days_known);
	tcase_add_test(tc, test_days_round_trip);
	tcase_add_test(tc, test_weekday);
	tcase_add_test(tc, test_floor_div);
	tcase_add_test(tc, test_parse_table);
	tcase_add_test(tc, test_parse_uses_length);
	tcase_add_test(tc, test_clock_parse);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_parse_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-datetime", datetime_suite)
