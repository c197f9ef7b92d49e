/*
 * The volume forecast (tools/forecast/volume.c): the --days calendar, a
 * shop's kept days, October means and the ratio of a day to last October,
 * with the seed formula worked by hand.
 */
#include "ck.h"

#include "arena.h"
#include "volume.h"

static struct cs_arena arena;

START_TEST(test_calendar_default)
{
	struct fc_calendar cal;

	fc_calendar_init(&cal);
	ck_assert_int_eq(cal.ndays, 1);
	ck_assert_int_eq(cal.month[0], 11);
	ck_assert_int_eq(cal.day[0], 11);
	ck_assert_int_eq(cal.nslots, 32);
	ck_assert_int_eq(cal.slot[10][1], 0);
	ck_assert_int_eq(cal.slot[10][31], 30);
	ck_assert_int_eq(cal.slot[11][11], 31);
	ck_assert_int_eq(cal.slot[11][10], -1);
	ck_assert_int_eq(cal.slot[9][30], -1);
}
END_TEST

START_TEST(test_calendar_days)
{
	struct fc_calendar cal;

	fc_calendar_init(&cal);
	ck_assert_int_eq(fc_calendar_days(&cal, "11-10..11-12"), 0);
	ck_assert_int_eq(cal.ndays, 3);
	ck_assert_int_eq(cal.day[0], 10);
	ck_assert_int_eq(cal.day[2], 12);
	ck_assert_int_eq(cal.nslots, 34);

	/* A list, out of order, an October day and a repeat: calendar
	 * order, each day once, October days on October's slots. */
	ck_assert_int_eq(fc_calendar_days(&cal, "11-11,10-20,11.1,11/11,10-31..11-02"), 0);
	ck_assert_int_eq(cal.ndays, 5);
	ck_assert_int_eq(cal.month[0], 10);
	ck_assert_int_eq(cal.day[0], 20);
	ck_assert_int_eq(cal.month[1], 10);
	ck_assert_int_eq(cal.day[1], 31);
	ck_assert_int_eq(cal.month[2], 11);
	ck_assert_int_eq(cal.day[2], 1);
	ck_assert_int_eq(cal.day[3], 2);
	ck_assert_int_eq(cal.day[4], 11);
	ck_assert_int_eq(cal.slot[10][20], 19);
	ck_assert_int_eq(cal.nslots, 34);	/* 31 + 11-01, 11-02, 11-11 */

	/* A whole year is the most a window holds. */
	ck_assert_int_eq(fc_calendar_days(&cal, "1-1..12-31"), 0);
	ck_assert_int_eq(cal.ndays, 365);
	ck_assert_int_eq(cal.nslots, 365);
}
END_TEST

START_TEST(test_calendar_bad)
{
	static const char *const bad[] = {
		"", "11", "11-", "-11", "11-31", "02-29", "13-01", "00-10",
		"11-00", "11-011", "111-1", "11-12..11-10", "12-30..01-02",
		"11-11,", ",11-11", "11-11..", "11-11...11-12", "11-11;11-12",
		"1111", "abc", "11-11 ", "11-11..11-12..11-13",
	};
	struct fc_calendar cal;

	fc_calendar_init(&cal);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(fc_calendar_days(&cal, bad[i]) == -1, "%s", bad[i]);
		ck_assert_int_eq(cal.ndays, 1);	/* unchanged */
	}
}
END_TEST

START_TEST(test_shop_days)
{
	struct fc_calendar cal;
	struct fc_shop s;

	fc_calendar_init(&cal);
	cs_arena_init(&arena);
	fc_shop_init(&s, "云朵旗舰店", strlen("云朵旗舰店"));
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 11, 11), -1);
	fc_shop_add(&s, &cal, &arena, 2025, 11, 11, 300);
	fc_shop_add(&s, &cal, &arena, 2025, 11, 11, 200);	/* added up */
	fc_shop_add(&s, &cal, &arena, 2025, 10, 3, 0);
	fc_shop_add(&s, &cal, &arena, 2025, 3, 8, 99);		/* not kept */
	fc_shop_add(&s, &cal, &arena, 2024, 11, 11, 7);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 11, 11), 500);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 10, 3), 0);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 10, 4), -1);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 3, 8), -1);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2024, 11, 11), 7);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2023, 11, 11), -1);
	ck_assert_int_eq(fc_shop_get(&s, &cal, 2025, 13, 1), -1);
	ck_assert_uint_eq(s.nyears, 2);
	fc_shop_free(&s);
	cs_arena_free(&arena);
}
END_TEST

/* An October: every day `each`, except day 1 which gets `first`. */
static void
october(struct fc_shop *s, const struct fc_calendar *cal, int y, int64_t each,
    int64_t first, int days)
{
	for (int d = 1; d <= days; d++)
		fc_shop_add(s, cal, &arena, y, 10, (unsigned)d, d == 1 ? first : each);
}

START_TEST(test_october)
{
	struct fc_calendar cal;
	struct fc_shop s;
	struct fc_october o;

	fc_calendar_init(&cal);
	cs_arena_init(&arena);
	fc_shop_init(&s, "x", 1);
	ck_assert_int_eq(fc_october(&s, &cal, 2025, 20, &o), FC_NO_OCTOBER);
	ck_assert_int_eq(o.days, 0);
	ck_assert_int_eq(o.year, 2025);

	/* 30 days of 100 and one of 410: 3410 / 31 = 110 a day. */
	october(&s, &cal, 2025, 100, 410, 31);
	ck_assert_int_eq(fc_october(&s, &cal, 2025, 20, &o), FC_OK);
	ck_assert_int_eq(o.days, 31);
	ck_assert_int_eq(o.sum, 3410);
	ck_assert_double_eq(o.mean, 110);

	/* 19 days: fewer than 20 is FEW_DAYS, with the mean still told. */
	october(&s, &cal, 2026, 50, 50, 19);
	ck_assert_int_eq(fc_october(&s, &cal, 2026, 20, &o), FC_FEW_DAYS);
	ck_assert_int_eq(o.days, 19);
	ck_assert_double_eq(o.mean, 50);
	ck_assert_int_eq(fc_october(&s, &cal, 2026, 19, &o), FC_OK);

	/* All zero: a mean of 0 is OK for this October. */
	october(&s, &cal, 2024, 0, 0, 31);
	ck_assert_int_eq(fc_october(&s, &cal, 2024, 20, &o), FC_OK);
	ck_assert_double_eq(o.mean, 0);
	fc_shop_free(&s);
	cs_arena_free(&arena);
}
END_TEST

/*
 * The seed formula by hand: October 2025 averages 3410 / 31 = 110 a day,
 * 2025-11-11 had 550, so the ratio is 5; October 2026 averages 120, so
 * 2026-11-11 is forecast at 120 x 5 = 600.
 */
START_TEST(test_ratio_seed)
{
	struct fc_calendar cal;
	struct fc_shop s;
	struct fc_ratio r;
	struct fc_october o;

	fc_calendar_init(&cal);
	cs_arena_init(&arena);
	fc_shop_init(&s, "x", 1);
	october(&s, &cal, 2025, 100, 410, 31);
	fc_shop_add(&s, &cal, &arena, 2025, 11, 11, 550);
	october(&s, &cal, 2026, 120, 120, 31);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 11, 1, 20, &r), FC_OK);
	ck_assert_int_eq(r.used, 1);
	ck_assert_int_eq(r.latest, 0);
	ck_assert_int_eq(r.year[0].year, 2025);
	ck_assert_int_eq(r.year[0].day, 550);
	ck_assert_double_eq(r.year[0].october.mean, 110);
	ck_assert_double_eq_tol(r.mean, 5, 1e-15);
	ck_assert_double_eq(r.low, r.high);
	ck_assert_int_eq(fc_october(&s, &cal, 2026, 20, &o), FC_OK);
	ck_assert_double_eq(fc_round(o.mean * r.mean), 600);
	fc_shop_free(&s);
	cs_arena_free(&arena);
}
END_TEST

/* --years 3: ratios 5 (2025) and 3 (2024), 2023 missing: mean 4, 3..5. */
START_TEST(test_ratio_years)
{
	struct fc_calendar cal;
	struct fc_shop s;
	struct fc_ratio r;

	fc_calendar_init(&cal);
	cs_arena_init(&arena);
	fc_shop_init(&s, "x", 1);
	october(&s, &cal, 2025, 100, 410, 31);
	fc_shop_add(&s, &cal, &arena, 2025, 11, 11, 550);
	october(&s, &cal, 2024, 100, 100, 31);
	fc_shop_add(&s, &cal, &arena, 2024, 11, 11, 300);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 11, 3, 20, &r), FC_OK);
	ck_assert_int_eq(r.nyears, 3);
	ck_assert_int_eq(r.used, 2);
	ck_assert_int_eq(r.year[2].year, 2023);
	ck_assert_int_eq(r.year[2].status, FC_NO_OCTOBER);
	ck_assert_double_eq_tol(r.mean, 4, 1e-15);
	ck_assert_double_eq_tol(r.low, 3, 1e-15);
	ck_assert_double_eq_tol(r.high, 5, 1e-15);

	/* For 2027, 2026 has nothing: 2025 and 2024 (3 years back), or
	 * 2025 alone (2 years back); the latest used is the second. */
	ck_assert_int_eq(fc_ratio(&s, &cal, 2027, 11, 11, 3, 20, &r), FC_OK);
	ck_assert_int_eq(r.year[0].status, FC_NO_OCTOBER);
	ck_assert_int_eq(r.latest, 1);
	ck_assert_int_eq(r.used, 2);
	ck_assert_double_eq_tol(r.mean, 4, 1e-15);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2027, 11, 11, 2, 20, &r), FC_OK);
	ck_assert_int_eq(r.used, 1);
	ck_assert_double_eq_tol(r.mean, 5, 1e-15);
	fc_shop_free(&s);
	cs_arena_free(&arena);
}
END_TEST

/* Why a year gives no ratio; with none, the status is Y-1's. */
START_TEST(test_ratio_failures)
{
	struct fc_calendar cal;
	struct fc_shop s;
	struct fc_ratio r;

	fc_calendar_init(&cal);
	cs_arena_init(&arena);
	fc_shop_init(&s, "x", 1);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 11, 1, 20, &r),
	    FC_NO_OCTOBER);
	ck_assert_int_eq(r.used, 0);
	ck_assert_int_eq(r.latest, -1);

	october(&s, &cal, 2025, 100, 100, 12);
	fc_shop_add(&s, &cal, &arena, 2025, 11, 11, 400);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 11, 1, 20, &r),
	    FC_FEW_DAYS);
	ck_assert_int_eq(r.year[0].october.days, 12);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 11, 1, 12, &r), FC_OK);
	ck_assert_double_eq_tol(r.mean, 4, 1e-15);

	/* The day missing (11-12 is not even kept by this calendar). */
	ck_assert_int_eq(fc_ratio(&s, &cal, 2026, 11, 12, 1, 12, &r), FC_NO_DAY);
	ck_assert_int_eq(r.year[0].day, -1);

	/* An October of zeros gives no ratio (it would divide by 0). */
	october(&s, &cal, 2024, 0, 0, 31);
	fc_shop_add(&s, &cal, &arena, 2024, 11, 11, 10);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2025, 11, 11, 1, 20, &r),
	    FC_ZERO_OCTOBER);

	/* Y-1 fails, Y-2 gives a ratio: OK with --years 2, not with 1. */
	ck_assert_int_eq(fc_ratio(&s, &cal, 2027, 11, 11, 1, 12, &r),
	    FC_NO_OCTOBER);
	ck_assert_int_eq(fc_ratio(&s, &cal, 2027, 11, 11, 2, 12, &r), FC_OK);
	fc_shop_free(&s);
	cs_arena_free(&arena);
}
END_TEST

/* Agents a day: ceil(forecast / capacity / (1 - shrinkage)), guarded. */
START_TEST(test_agents)
{
	ck_assert_double_eq(fc_round(6882.35), 6882);
	ck_assert_double_eq(fc_round(2.5), 3);
	ck_assert_double_eq(fc_round(0.49), 0);
	ck_assert_double_eq(fc_agents(6882, 180, 0), 39);
	ck_assert_double_eq(fc_agents(3780, 180, 0), 21);
	ck_assert_double_eq(fc_agents(3780, 180, 0.3), 30);	/* not 31 */
	ck_assert_double_eq(fc_agents(3781, 180, 0.3), 31);
	ck_assert_double_eq(fc_agents(1, 180, 0), 1);
	ck_assert_double_eq(fc_agents(0, 180, 0.5), 0);
	ck_assert_double_eq(fc_ceil(26.000000000000004), 26);
	ck_assert_double_eq(fc_ceil(26.001), 27);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("forecast-volume");
	TCase *tc = tcase_create("volume");

	tcase_add_test(tc, test_calendar_default);
	tcase_add_test(tc, test_calendar_days);
	tcase_add_test(tc, test_calendar_bad);
	tcase_add_test(tc, test_shop_days);
	tcase_add_test(tc, test_october);
	tcase_add_test(tc, test_ratio_seed);
	tcase_add_test(tc, test_ratio_years);
	tcase_add_test(tc, test_ratio_failures);
	tcase_add_test(tc, test_agents);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-forecast-volume", suite)
