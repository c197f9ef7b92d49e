/*
 * cs-chase holdout: the hash is fixed (values pinned here, computed
 * independently), stable, salted, and holds out the share asked for.
 */
#include "config.h"

#include <stdio.h>

#include "ck.h"
#include "holdout.h"

START_TEST(test_pinned)
{
	ck_assert_uint_eq(chase_holdout_hash("", 0, "2547812345678901", 16),
	    0x25c6832506884245ULL);
	ck_assert_uint_eq(chase_holdout_hash("1111", 4, "2547812345678901", 16),
	    0x532893ea7e7c162dULL);
	ck_assert_uint_eq(chase_holdout_hash("", 0, "1001", 4),
	    0xaa022c91e1b09f1dULL);
}
END_TEST

START_TEST(test_decision)
{
	/* The fraction of the first id is 0.1476; of the salted one 0.3248. */
	ck_assert(!chase_holdout(0.1, "", 0, "2547812345678901", 16));
	ck_assert(chase_holdout(0.15, "", 0, "2547812345678901", 16));
	ck_assert(!chase_holdout(0.15, "1111", 4, "2547812345678901", 16));
	ck_assert(chase_holdout(0.33, "1111", 4, "2547812345678901", 16));
	ck_assert(!chase_holdout(0, "", 0, "2547812345678901", 16));
	ck_assert(!chase_holdout(-1, "", 0, "2547812345678901", 16));
	ck_assert(chase_holdout(1, "", 0, "1001", 4));
	/* The same answer every time. */
	for (int i = 0; i < 3; i++)
		ck_assert(chase_holdout(0.15, "", 0, "2547812345678901", 16));
}
END_TEST

START_TEST(test_fraction)
{
	ck_assert(chase_holdout_fraction(0) == 0.0);
	ck_assert(chase_holdout_fraction(UINT64_MAX) < 1.0);
	ck_assert(chase_holdout_fraction(1ULL << 63) == 0.5);
}
END_TEST

START_TEST(test_share)
{
	char id[32];
	int held = 0, held_salted = 0, both = 0;

	/* Consecutive ids, as a shop's are: 10 % of 100000 give 9983 (a
	 * binomial's standard deviation is 95), and a new salt chooses
	 * other orders. */
	for (long k = 0; k < 100000; k++) {
		int n = snprintf(id, sizeof id, "%ld", 2547800000000000L + k);
		bool a = chase_holdout(0.1, "s", 1, id, (size_t)n);
		bool b = chase_holdout(0.1, "t", 1, id, (size_t)n);
		held += a;
		held_salted += b;
		both += a && b;
	}
	ck_assert_int_eq(held, 9983);
	ck_assert_int_ge(held_salted, 9700);
	ck_assert_int_le(held_salted, 10300);
	ck_assert_int_ge(both, 800);
	ck_assert_int_le(both, 1200);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-holdout");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pinned);
	tcase_add_test(tc, test_decision);
	tcase_add_test(tc, test_fraction);
	tcase_add_test(tc, test_share);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-holdout", suite)
