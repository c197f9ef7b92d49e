/*
 * Hours of a day and hourly profiles (tools/forecast/hourly.c).
 */
#include "ck.h"

#include "datetime.h"
#include "hourly.h"
#include "value.h"

static int
tod(const char *s, int *minute)
{
	return fc_time_of_day(s, strlen(s), minute);
}

START_TEST(test_time_of_day)
{
	static const struct {
		const char	*s;
		int		 minute;
	} good[] = {
		{ "0", 0 }, { "00", 0 }, { "9", 540 }, { "23", 1380 },
		{ "00:00", 0 }, { "0:30", 30 }, { "13:45:00", 825 },
		{ " 7 ", 420 }, { "9时", 540 }, { "9点", 540 },
		{ "00:00-01:00", 0 }, { "23:00-24:00", 1380 },
		{ "0:00~0:30", 0 }, { "0:30 - 1:00", 30 }, { "9-10", 540 },
		{ "9时至10时", 540 }, { "21:00—22:00", 1260 },
		{ "8点到9点", 480 }, { "10:00～11:00", 600 },
	};
	static const char *const bad[] = {
		"24", "24:00", "-1", "1.5", "abc", "9:5", "9:60", "100",
		"00:00-", "00:00-25:00", "00:00-24:30", "9时9", "09:00 10:00",
		"2025-11-11", "9 am",
	};
	int m;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		m = -1;
		ck_assert_msg(tod(good[i].s, &m) == 0, "%s", good[i].s);
		ck_assert_int_eq(m, good[i].minute);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(tod(bad[i], &m) == CS_VALUE_INVALID, "%s", bad[i]);
	ck_assert_int_eq(tod("", &m), CS_VALUE_EMPTY);
	ck_assert_int_eq(tod("  ", &m), CS_VALUE_EMPTY);
}
END_TEST

START_TEST(test_pick)
{
	struct fc_profile p[4];

	memset(p, 0, sizeof p);
	p[0].day = cs_days_from_civil(2024, 11, 11);
	p[1].day = FC_UNDATED;
	p[2].day = cs_days_from_civil(2025, 11, 11);
	p[3].day = cs_days_from_civil(2025, 11, 10);
	/* The latest year of the month and day wins, whatever the order. */
	ck_assert_ptr_eq(fc_profile_pick(p, 4, 11, 11), &p[2]);
	ck_assert_ptr_eq(fc_profile_pick(p, 4, 11, 10), &p[3]);
	/* No such day: the undated profile. */
	ck_assert_ptr_eq(fc_profile_pick(p, 4, 11, 12), &p[1]);
	/* Neither: none. */
	ck_assert_ptr_null(fc_profile_pick(p + 2, 2, 11, 12));
	ck_assert_ptr_null(fc_profile_pick(p, 0, 11, 11));
}
END_TEST

START_TEST(test_split)
{
	struct fc_profile p;
	double out[24];

	memset(&p, 0, sizeof p);
	ck_assert_int_eq(fc_profile_split(&p, 100, out), -1);
	p.n[0] = 30;
	p.n[1] = 10;
	p.n[23] = 60;
	ck_assert_int_eq(fc_profile_split(&p, 6882, out), 0);
	ck_assert_double_eq_tol(out[0], 2064.6, 1e-9);
	ck_assert_double_eq_tol(out[1], 688.2, 1e-9);
	ck_assert_double_eq_tol(out[23], 4129.2, 1e-9);
	ck_assert_double_eq(out[12], 0);
	double sum = 0;
	for (int h = 0; h < 24; h++)
		sum += out[h];
	ck_assert_double_eq_tol(sum, 6882, 1e-9);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("forecast-hourly");
	TCase *tc = tcase_create("hourly");

	tcase_add_test(tc, test_time_of_day);
	tcase_add_test(tc, test_pick);
	tcase_add_test(tc, test_split);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-forecast-hourly", suite)
