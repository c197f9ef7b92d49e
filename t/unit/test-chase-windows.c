/*
 * cs-chase send windows: defaults, the workday rule, --window parsing and
 * the next opening.
 */
#include "config.h"

#include "ck.h"
#include "datetime.h"
#include "windows.h"

/* Seconds of y-m-d h:mi. */
static int64_t
at(int y, unsigned m, unsigned d, int h, int mi)
{
	return cs_days_from_civil(y, m, d) * CS_DAY_SECONDS + h * 3600 + mi * 60;
}

START_TEST(test_daytype)
{
	/* 2026-11-11 is a Wednesday, 11-14 a Saturday, 11-15 a Sunday. */
	ck_assert_int_eq(chase_daytype(cs_days_from_civil(2026, 11, 11)), CHASE_WORKDAY);
	ck_assert_int_eq(chase_daytype(cs_days_from_civil(2026, 11, 13)), CHASE_WORKDAY);
	ck_assert_int_eq(chase_daytype(cs_days_from_civil(2026, 11, 14)), CHASE_WEEKEND);
	ck_assert_int_eq(chase_daytype(cs_days_from_civil(2026, 11, 15)), CHASE_WEEKEND);
	ck_assert_int_eq(chase_daytype(cs_days_from_civil(2026, 11, 16)), CHASE_WORKDAY);
}
END_TEST

START_TEST(test_defaults)
{
	struct chase_windows w;

	chase_windows_default(&w);
	ck_assert(chase_windows_open(&w, CHASE_WANGWANG, at(2026, 11, 11, 3, 0)));
	ck_assert(!chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 8, 59)));
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 9, 0)));
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 21, 59)));
	ck_assert(!chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 22, 0)));
	/* Phone on a workday: noon and evening. */
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 11, 59)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 12, 0)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 13, 29)));
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 13, 30)));
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 15, 0)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 20, 59)));
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 21, 0)));
	/* Phone on a weekend day: 10:00-21:00. */
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 9, 59)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 10, 0)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 15, 0)));
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 21, 0)));
}
END_TEST

START_TEST(test_next)
{
	struct chase_windows w;

	chase_windows_default(&w);
	/* Open: now. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_SMS, at(2026, 11, 11, 10, 0)),
	    at(2026, 11, 11, 10, 0));
	/* Between the two phone windows of a workday. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_PHONE, at(2026, 11, 11, 13, 30)),
	    at(2026, 11, 11, 18, 0));
	/* After the last one: the next day's noon. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_PHONE, at(2026, 11, 11, 22, 0)),
	    at(2026, 11, 12, 12, 0));
	/* Friday night: Saturday's 10:00, not noon. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_PHONE, at(2026, 11, 13, 21, 30)),
	    at(2026, 11, 14, 10, 0));
	/* Sunday night: Monday's noon. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_PHONE, at(2026, 11, 15, 21, 0)),
	    at(2026, 11, 16, 12, 0));
	/* Before the opening, the same day. */
	ck_assert_int_eq(chase_windows_next(&w, CHASE_SMS, at(2026, 11, 12, 0, 5)),
	    at(2026, 11, 12, 9, 0));
}
END_TEST

START_TEST(test_set)
{
	struct chase_windows w;

	chase_windows_default(&w);
	ck_assert_int_eq(chase_windows_set(&w, "sms=08:00-23:00"), 0);
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 22, 30)));
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 14, 8, 0)));
	ck_assert(!chase_windows_open(&w, CHASE_SMS, at(2026, 11, 14, 23, 0)));

	/* One kind of day only; ranges given out of order. */
	ck_assert_int_eq(chase_windows_set(&w, "phone:weekend=14:00-18:00,9:00-12:00"), 0);
	ck_assert_int_eq(w.n[CHASE_PHONE][CHASE_WEEKEND], 2);
	ck_assert_int_eq(w.r[CHASE_PHONE][CHASE_WEEKEND][0].start, 9 * 3600);
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 9, 0)));
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 13, 0)));
	ck_assert_int_eq(chase_windows_next(&w, CHASE_PHONE, at(2026, 11, 14, 13, 0)),
	    at(2026, 11, 14, 14, 0));
	/* The workday windows are untouched. */
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 12, 0)));
	ck_assert_int_eq(chase_windows_set(&w, "phone:workday=09:00-10:00"), 0);
	ck_assert(!chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 11, 12, 0)));
	ck_assert(chase_windows_open(&w, CHASE_PHONE, at(2026, 11, 14, 9, 30)));

	/* Past midnight as two ranges; 24:00 as an end; Chinese names. */
	ck_assert_int_eq(chase_windows_set(&w, "短信=22:00-24:00,00:00-01:00"), 0);
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 11, 23, 59)));
	ck_assert(chase_windows_open(&w, CHASE_SMS, at(2026, 11, 12, 0, 30)));
	ck_assert(!chase_windows_open(&w, CHASE_SMS, at(2026, 11, 12, 1, 0)));
	ck_assert_int_eq(chase_windows_set(&w, "wangwang=08:00-22:00"), 0);
	ck_assert(!chase_windows_open(&w, CHASE_WANGWANG, at(2026, 11, 11, 23, 0)));
	ck_assert_int_eq(chase_windows_set(&w, "wangwang=always"), 0);
	ck_assert(chase_windows_open(&w, CHASE_WANGWANG, at(2026, 11, 11, 23, 0)));
}
END_TEST

START_TEST(test_set_errors)
{
	static const char *const bad[] = { "sms", "sms=", "fax=09:00-10:00",
		"none=09:00-10:00", "sms=10:00-09:00", "sms=10:00-10:00",
		"sms=25:00-26:00", "sms=9-10", "sms:holiday=09:00-10:00",
		"sms=09:00-10:00,", "sms=24:00-24:00", "=09:00-10:00",
		"sms=1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00,9:00-10:00,"
		"11:00-12:00,13:00-14:00,15:00-16:00,17:00-18:00", NULL };
	struct chase_windows w, before;

	chase_windows_default(&w);
	before = w;
	for (int i = 0; bad[i] != NULL; i++)
		ck_assert_msg(chase_windows_set(&w, bad[i]) == -1, "%s", bad[i]);
	ck_assert_mem_eq(&w, &before, sizeof w);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-windows");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_daytype);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_next);
	tcase_add_test(tc, test_set);
	tcase_add_test(tc, test_set_errors);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-windows", suite)
