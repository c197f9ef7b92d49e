/*
 * cs-reviews clause splitting: punctuation ends a clause, a contrast word
 * starts one and weighs it, a bare contrast word hands its weight on.
 */
#include "config.h"

#include "ck.h"
#include "clause.h"

#define T(s, l, k, w)	{ (s), (l), (k), -1, (w) }

static void
expect(const struct rv_clause *c, uint32_t start, uint32_t end,
    uint32_t first, uint32_t ntok, int weight)
{
	ck_assert_uint_eq(c->start, start);
	ck_assert_uint_eq(c->end, end);
	ck_assert_uint_eq(c->first, first);
	ck_assert_uint_eq(c->ntok, ntok);
	ck_assert_int_eq(c->weight, weight);
}

START_TEST(test_punctuation_then_but)
{
	/* 好，但是慢 */
	static const struct rv_token tok[] = {
		T(0, 3, RV_POSITIVE, 100), T(3, 3, RV_PUNCT, 100),
		T(6, 6, RV_CONTRAST, 200), T(12, 3, RV_NEGATIVE, 100),
	};
	struct rv_clause cl[5];

	ck_assert_uint_eq(rv_clause_split(tok, 4, 15, cl), 2);
	expect(&cl[0], 0, 3, 0, 1, 100);
	expect(&cl[1], 6, 15, 2, 2, 200);
}
END_TEST

START_TEST(test_but_without_punctuation)
{
	/* 质量好但是物流慢: the contrast word alone splits. */
	static const struct rv_token tok[] = {
		T(0, 6, RV_ASPECT, 100), T(6, 3, RV_POSITIVE, 100),
		T(9, 6, RV_CONTRAST, 200), T(15, 6, RV_ASPECT, 100),
		T(21, 3, RV_NEGATIVE, 100),
	};
	struct rv_clause cl[6];

	ck_assert_uint_eq(rv_clause_split(tok, 5, 24, cl), 2);
	expect(&cl[0], 0, 9, 0, 2, 100);
	expect(&cl[1], 9, 24, 2, 3, 200);
}
END_TEST

START_TEST(test_bare_but_carries)
{
	/* 但是！！！我想吐槽这个信号，是真差: 但是 stands alone, its weight
	 * goes to the next clause with words, through the empty ones. */
	static const struct rv_token tok[] = {
		T(0, 6, RV_CONTRAST, 200), T(6, 3, RV_PUNCT, 100),
		T(9, 3, RV_PUNCT, 100), T(12, 3, RV_PUNCT, 100),
		T(27, 6, RV_ASPECT, 100), T(33, 3, RV_PUNCT, 100),
		T(39, 3, RV_NEGATIVE, 100),
	};
	struct rv_clause cl[8];

	ck_assert_uint_eq(rv_clause_split(tok, 7, 42, cl), 3);
	expect(&cl[0], 0, 6, 0, 1, 200);
	expect(&cl[1], 15, 33, 4, 1, 200);
	expect(&cl[2], 36, 42, 6, 1, 100);
}
END_TEST

START_TEST(test_although_weighs_less)
{
	/* 虽然便宜，但是质量差 */
	static const struct rv_token tok[] = {
		T(0, 6, RV_CONTRAST, 50), T(6, 6, RV_POSITIVE, 100),
		T(12, 3, RV_PUNCT, 100), T(15, 6, RV_CONTRAST, 200),
		T(21, 6, RV_ASPECT, 100), T(27, 3, RV_NEGATIVE, 100),
	};
	struct rv_clause cl[7];

	ck_assert_uint_eq(rv_clause_split(tok, 6, 30, cl), 2);
	expect(&cl[0], 0, 12, 0, 2, 50);
	expect(&cl[1], 15, 30, 3, 3, 200);
}
END_TEST

START_TEST(test_no_tokens)
{
	static const struct rv_token punct[] = { T(0, 1, RV_PUNCT, 100),
		T(1, 1, RV_PUNCT, 100) };
	struct rv_clause cl[3];

	ck_assert_uint_eq(rv_clause_split(NULL, 0, 0, cl), 0);
	ck_assert_uint_eq(rv_clause_split(NULL, 0, 9, cl), 1);
	expect(&cl[0], 0, 9, 0, 0, 100);
	/* Only punctuation: no clause. */
	ck_assert_uint_eq(rv_clause_split(punct, 2, 2, cl), 0);
	/* Text after the last break. */
	ck_assert_uint_eq(rv_clause_split(punct, 2, 5, cl), 1);
	expect(&cl[0], 2, 5, 2, 0, 100);
}
END_TEST

START_TEST(test_breaks)
{
	size_t n = 0;
	bool comma = false, enum_comma = false;

	for (; rv_clause_breaks[n] != NULL; n++) {
		comma |= strcmp(rv_clause_breaks[n], "，") == 0;
		enum_comma |= strcmp(rv_clause_breaks[n], "、") == 0;
	}
	ck_assert(comma);
	ck_assert(!enum_comma);		/* 颜色、款式都好看 is one clause */
	ck_assert_uint_gt(n, 20);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-clause");
	TCase *tc = tcase_create("clause");

	tcase_add_test(tc, test_punctuation_then_but);
	tcase_add_test(tc, test_but_without_punctuation);
	tcase_add_test(tc, test_bare_but_carries);
	tcase_add_test(tc, test_although_weighs_less);
	tcase_add_test(tc, test_no_tokens);
	tcase_add_test(tc, test_breaks);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-clause", suite)
