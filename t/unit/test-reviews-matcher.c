/*
 * cs-reviews matcher: one pass, leftmost-longest, ASCII case folded.
 */
#include "config.h"

#include "ck.h"
#include "matcher.h"

static struct rv_matcher *
make(const char *const *keys)
{
	struct rv_matcher *m = rv_matcher_new();

	for (int i = 0; keys[i] != NULL; i++)
		rv_matcher_add(m, keys[i], strlen(keys[i]), i);
	rv_matcher_build(m);
	return m;
}

static size_t
scan(struct rv_matcher *m, const char *s, struct rv_scan *sc)
{
	return rv_matcher_scan(m, s, strlen(s), sc);
}

START_TEST(test_longest_wins)
{
	static const char *const keys[] = { "不", "不错", "没有", "色差", "错",
		NULL };
	struct rv_matcher *m = make(keys);
	struct rv_scan sc = RV_SCAN_INIT;

	/* 不错 is one word, not 不 + 错. */
	ck_assert_uint_eq(scan(m, "不错", &sc), 1);
	ck_assert_int_eq(sc.hits[0].value, 1);
	ck_assert_uint_eq(sc.hits[0].start, 0);
	ck_assert_uint_eq(sc.hits[0].len, 6);
	/* 没有色差: two words, with their offsets. */
	ck_assert_uint_eq(scan(m, "没有色差", &sc), 2);
	ck_assert_int_eq(sc.hits[0].value, 2);
	ck_assert_int_eq(sc.hits[1].value, 3);
	ck_assert_uint_eq(sc.hits[1].start, 6);
	ck_assert_uint_eq(sc.hits[1].len, 6);
	/* Bytes between words are skipped; 不好 gives 不 alone. */
	ck_assert_uint_eq(scan(m, "真的不好，错了", &sc), 2);
	ck_assert_int_eq(sc.hits[0].value, 0);
	ck_assert_uint_eq(sc.hits[0].start, 6);
	ck_assert_int_eq(sc.hits[1].value, 4);
	ck_assert_uint_eq(sc.hits[1].start, 15);
	/* Nothing. */
	ck_assert_uint_eq(scan(m, "", &sc), 0);
	ck_assert_uint_eq(scan(m, "挺好的", &sc), 0);
	rv_scan_free(&sc);
	rv_matcher_free(m);
}
END_TEST

START_TEST(test_overlaps)
{
	/* The textbook set: the automaton must fall back through failure
	 * links, and still take the longest at each start. */
	static const char *const keys[] = { "he", "she", "his", "hers", NULL };
	struct rv_matcher *m = make(keys);
	struct rv_scan sc = RV_SCAN_INIT;

	ck_assert_uint_eq(scan(m, "ushers", &sc), 1);
	ck_assert_int_eq(sc.hits[0].value, 1);		/* she, then rs */
	ck_assert_uint_eq(sc.hits[0].start, 1);
	ck_assert_uint_eq(scan(m, "hishers", &sc), 2);
	ck_assert_int_eq(sc.hits[0].value, 2);		/* his */
	ck_assert_int_eq(sc.hits[1].value, 3);		/* hers */
	ck_assert_uint_eq(sc.hits[1].start, 3);
	ck_assert_uint_eq(sc.hits[1].len, 4);
	rv_scan_free(&sc);
	rv_matcher_free(m);
}
END_TEST

START_TEST(test_case_and_emoji)
{
	static const char *const keys[] = { "ok", "👍", "，", NULL };
	struct rv_matcher *m = make(keys);
	struct rv_scan sc = RV_SCAN_INIT;

	ck_assert_uint_eq(scan(m, "OK👍，Ok", &sc), 4);
	ck_assert_int_eq(sc.hits[0].value, 0);
	ck_assert_int_eq(sc.hits[1].value, 1);
	ck_assert_uint_eq(sc.hits[1].start, 2);
	ck_assert_uint_eq(sc.hits[1].len, 4);
	ck_assert_int_eq(sc.hits[2].value, 2);
	ck_assert_int_eq(sc.hits[3].value, 0);
	ck_assert_uint_eq(sc.hits[3].start, 9);
	rv_scan_free(&sc);
	rv_matcher_free(m);
}
END_TEST

START_TEST(test_reuse_and_long_text)
{
	static const char *const keys[] = { "慢", NULL };
	struct rv_matcher *m = make(keys);
	struct rv_scan sc = RV_SCAN_INIT;
	char text[3 * 1000 + 1];

	for (int i = 0; i < 1000; i++)
		memcpy(text + 3 * i, i % 2 ? "慢" : "快", 3);
	text[3000] = '\0';
	ck_assert_uint_eq(scan(m, text, &sc), 500);
	ck_assert_uint_eq(sc.hits[499].start, 2997);
	/* A shorter text after it: the old hits are gone. */
	ck_assert_uint_eq(scan(m, "快慢", &sc), 1);
	ck_assert_uint_eq(sc.hits[0].start, 3);
	ck_assert_uint_gt(rv_matcher_states(m), 1);
	rv_scan_free(&sc);
	rv_matcher_free(m);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-matcher");
	TCase *tc = tcase_create("matcher");

	tcase_add_test(tc, test_longest_wins);
	tcase_add_test(tc, test_overlaps);
	tcase_add_test(tc, test_case_and_emoji);
	tcase_add_test(tc, test_reuse_and_long_text);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-matcher", suite)
