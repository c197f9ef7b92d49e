/*
 * cs-reviews ratings: words, stars and numbers.
 */
#include "config.h"

#include "ck.h"
#include "rating.h"
#include "value.h"

static int
parse(const char *s, enum rv_rating *r)
{
	return rv_rating_parse(s, strlen(s), r);
}

static enum rv_rating
good(const char *s)
{
	enum rv_rating r = RV_RATING_NONE;

	ck_assert_msg(parse(s, &r) == 0, "%s did not parse", s);
	return r;
}

START_TEST(test_words)
{
	ck_assert_int_eq(good("好评"), RV_RATING_GOOD);
	ck_assert_int_eq(good("中评"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("差评"), RV_RATING_BAD);
	ck_assert_int_eq(good(" good "), RV_RATING_GOOD);
	ck_assert_int_eq(good("Neutral"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("BAD"), RV_RATING_BAD);
	ck_assert_int_eq(good("差"), RV_RATING_BAD);
}
END_TEST

START_TEST(test_stars)
{
	ck_assert_int_eq(good("5"), RV_RATING_GOOD);
	ck_assert_int_eq(good("4"), RV_RATING_GOOD);
	ck_assert_int_eq(good("3"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("2"), RV_RATING_BAD);
	ck_assert_int_eq(good("1"), RV_RATING_BAD);
	ck_assert_int_eq(good("4.0"), RV_RATING_GOOD);
	ck_assert_int_eq(good("3.00"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("5星"), RV_RATING_GOOD);
	ck_assert_int_eq(good("2分"), RV_RATING_BAD);
	ck_assert_int_eq(good("五星"), RV_RATING_GOOD);
	ck_assert_int_eq(good("三星"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("一"), RV_RATING_BAD);
	ck_assert_int_eq(good("★★★★★"), RV_RATING_GOOD);
	ck_assert_int_eq(good("★★★☆☆"), RV_RATING_NEUTRAL);
	ck_assert_int_eq(good("★☆☆☆☆"), RV_RATING_BAD);
}
END_TEST

START_TEST(test_empty_and_bad)
{
	enum rv_rating r = RV_RATING_GOOD;

	ck_assert_int_eq(rv_rating_parse("", 0, &r), CS_VALUE_EMPTY);
	ck_assert_int_eq(r, RV_RATING_NONE);
	ck_assert_int_eq(parse("  ", &r), CS_VALUE_EMPTY);
	ck_assert_int_eq(parse("6", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("0", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("4.5", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("4.", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("45", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("☆☆☆☆☆", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("★★★★★★", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("很好", &r), CS_VALUE_INVALID);
	ck_assert_int_eq(parse("星", &r), CS_VALUE_INVALID);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-rating");
	TCase *tc = tcase_create("rating");

	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_stars);
	tcase_add_test(tc, test_empty_and_bad);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-rating", suite)
