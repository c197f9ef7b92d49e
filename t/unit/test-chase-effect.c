/*
 * cs-chase effect statistics: the Wilson interval, Newcombe's interval of
 * the uplift (checked against the worked example of Newcombe 1998) and
 * the recovered amount.
 */
#include "config.h"

#include "ck.h"
#include "effect.h"

#define EPS	1e-4

START_TEST(test_wilson)
{
	double lo, hi;

	chase_wilson(0, 10, CHASE_Z95, &lo, &hi);
	ck_assert_double_eq(lo, 0);
	ck_assert_double_eq_tol(hi, 0.2775, EPS);
	chase_wilson(5, 10, CHASE_Z95, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.2366, EPS);
	ck_assert_double_eq_tol(hi, 0.7634, EPS);
	chase_wilson(10, 10, CHASE_Z95, &lo, &hi);
	ck_assert_double_eq_tol(lo, 0.7225, EPS);
	ck_assert_double_eq(hi, 1);
}
END_TEST

START_TEST(test_uplift)
{
	struct chase_effect e = { 0 };
	double d, lo, hi;

	/* Newcombe (1998), Statistics in Medicine 17:873, the 56/70 - 48/80
	 * example: method 10 gives 0.0524 to 0.3339. */
	e.chased = 70;
	e.chased_paid = 56;
	e.holdout = 80;
	e.holdout_paid = 48;
	ck_assert_int_eq(chase_uplift(&e, &d, &lo, &hi), 0);
	ck_assert_double_eq_tol(d, 0.2, 1e-9);
	ck_assert_double_eq_tol(lo, 0.0524, EPS);
	ck_assert_double_eq_tol(hi, 0.3339, EPS);

	/* No difference: the interval straddles 0, symmetric. */
	e.chased = 10;
	e.chased_paid = 5;
	e.holdout = 10;
	e.holdout_paid = 5;
	ck_assert_int_eq(chase_uplift(&e, &d, &lo, &hi), 0);
	ck_assert_double_eq_tol(d, 0, 1e-12);
	ck_assert_double_eq_tol(lo, -hi, 1e-12);
	ck_assert(lo < -0.3);

	/* Extremes stay within [-1, 1]. */
	e.chased = 3;
	e.chased_paid = 3;
	e.holdout = 2;
	e.holdout_paid = 0;
	ck_assert_int_eq(chase_uplift(&e, &d, &lo, &hi), 0);
	ck_assert_double_eq(d, 1);
	ck_assert(hi <= 1);
	ck_assert(lo > 0);

	/* Nothing to compare with. */
	e.holdout = 0;
	e.holdout_paid = 0;
	ck_assert_int_eq(chase_uplift(&e, &d, &lo, &hi), -1);
	e.holdout = 5;
	e.chased = 0;
	e.chased_paid = 0;
	ck_assert_int_eq(chase_uplift(&e, &d, &lo, &hi), -1);
}
END_TEST

START_TEST(test_recovered)
{
	/* 20 % of 1,000.00 yuan; negative uplift, negative amount. */
	ck_assert_int_eq(chase_recovered(0.2, 100000), 20000);
	ck_assert_int_eq(chase_recovered(-0.125, 1000), -125);
	ck_assert_int_eq(chase_recovered(1.0 / 3, 100), 33);
	ck_assert_int_eq(chase_recovered(0, 123456), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-effect");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_wilson);
	tcase_add_test(tc, test_uplift);
	tcase_add_test(tc, test_recovered);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-effect", suite)
