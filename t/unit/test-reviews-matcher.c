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

START_TEST(test_step_cache)
{
	/* A key that ends inside a character (the first two bytes of 不):
	 * found every time, though the character is seen again and again
	 * (its one-step shortcut must not be kept). */
	static const char *const half[] = { "\xe4\xb8", "错", NULL };
	static const char *const whole[] = { "不错", "不", NULL };
	struct rv_matcher *m = make(half), *m2 = make(whole);
	struct rv_scan sc = RV_SCAN_INIT;

	for (int round = 0; round < 3; round++) {
		ck_assert_uint_eq(scan(m, "不错不不", &sc), 4);
		ck_assert_int_eq(sc.hits[0].value, 0);
		ck_assert_uint_eq(sc.hits[0].len, 2);
		ck_assert_int_eq(sc.hits[1].value, 1);
		ck_assert_uint_eq(sc.hits[1].start, 3);
		ck_assert_uint_eq(sc.hits[3].start, 9);
	}
	/* The same scan with another matcher: its own steps, not m's. */
	for (int round = 0; round < 3; round++) {
		ck_assert_uint_eq(scan(m2, "不错不不", &sc), 3);
		ck_assert_int_eq(sc.hits[0].value, 0);
		ck_assert_uint_eq(sc.hits[0].len, 6);
		ck_assert_int_eq(sc.hits[1].value, 1);
		ck_assert_uint_eq(sc.hits[1].start, 6);
		ck_assert_uint_eq(scan(m, "不错", &sc), 2);
	}
	/* Truncated and stray continuation bytes step byte by byte. */
	ck_assert_uint_eq(scan(m2, "\xe4\xb8\x8d\xb8\xe4\xb8", &sc), 1);
	ck_assert_uint_eq(sc.hits[0].len, 3);
	rv_scan_free(&sc);
	rv_matcher_free(m);
	rv_matcher_free(m2);
}
END_TEST

/* The leftmost-longest segmentation the slow way, for comparison: at each
 * byte the longest key (ASCII case folded) starting there, the last added
 * of equal keys. */
static size_t
brute(const char *const *keys, size_t nkeys, const char *s, size_t n,
    struct rv_hit *out)
{
	size_t nh = 0;

	for (size_t i = 0; i < n;) {
		size_t best = 0;
		int val = -1;
		for (size_t k = 0; k < nkeys; k++) {
			size_t kl = strlen(keys[k]);
			if (kl == 0 || kl > n - i || kl < best)
				continue;
			size_t j;
			for (j = 0; j < kl; j++) {
				unsigned char a = (unsigned char)s[i + j];
				unsigned char b = (unsigned char)keys[k][j];
				if (a >= 'A' && a <= 'Z')
					a = (unsigned char)(a - 'A' + 'a');
				if (b >= 'A' && b <= 'Z')
					b = (unsigned char)(b - 'A' + 'a');
				if (a != b)
					break;
			}
			if (j == kl) {
				best = kl;
				val = (int)k;
			}
		}
		if (best == 0) {
			i++;
			continue;
		}
		out[nh].start = (uint32_t)i;
		out[nh].len = (uint32_t)best;
		out[nh].value = val;
		nh++;
		i += best;
	}
	return nh;
}

/* Byte classes of every count, odd and even (a state is found from its
 * row by a multiply with the inverse of the class count). */
START_TEST(test_class_counts)
{
	/* No upper case: the matcher folds ASCII case. */
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&*+-/";
	char key[3];

	for (size_t k = 1; k <= 40; k++) {
		struct rv_matcher *m = rv_matcher_new();
		struct rv_scan sc = RV_SCAN_INIT;
		/* k two-byte keys "xx" over k letters: k + 1 classes. */
		for (size_t j = 0; j < k; j++) {
			key[0] = key[1] = letters[j];
			rv_matcher_add(m, key, 2, (int)j);
		}
		rv_matcher_build(m);
		for (size_t j = 0; j < k; j++) {
			char text[8] = "..";
			text[2] = text[3] = letters[j];
			text[4] = '.';
			ck_assert_uint_eq(rv_matcher_scan(m, text, 5, &sc), 1);
			ck_assert_uint_eq(sc.hits[0].start, 2);
			ck_assert_uint_eq(sc.hits[0].len, 2);
			ck_assert_int_eq(sc.hits[0].value, (int)j);
		}
		rv_scan_free(&sc);
		rv_matcher_free(m);
	}
}
END_TEST

START_TEST(test_random_against_brute_force)
{
	/* Pieces that share bytes: CJK characters with common lead and
	 * second bytes, a lone lead byte (invalid UTF-8), letters in both
	 * cases, an emoji; keys up to 5 pieces, texts up to 40. Keys where
	 * one ends inside another (suffix links), keys added twice. */
	static const char *const piece[] = { "不", "错", "好", "没", "有",
		"色", "差", "慢", "\xe4", "a", "B", "b", "👍", "，", "ab" };
	const size_t npiece = sizeof piece / sizeof piece[0];
	static char kbuf[400][64];
	const char *keys[400];
	char text[512];
	struct rv_hit want[512];
	unsigned seed = 7;

	for (int round = 0; round < 20; round++) {
		size_t nkeys = round < 10 ? 8 + (size_t)round : 400;
		struct rv_matcher *m = rv_matcher_new();
		struct rv_scan sc = RV_SCAN_INIT;

		for (size_t k = 0; k < nkeys; k++) {
			size_t len = 0, np;
			seed = seed * 1103515245 + 12345;
			np = 1 + (seed >> 16) % 5;
			for (size_t j = 0; j < np; j++) {
				seed = seed * 1103515245 + 12345;
				const char *pc = piece[(seed >> 16) % npiece];
				memcpy(kbuf[k] + len, pc, strlen(pc));
				len += strlen(pc);
			}
			kbuf[k][len] = '\0';
			keys[k] = kbuf[k];
			rv_matcher_add(m, keys[k], len, (int)k);
		}
		rv_matcher_build(m);
		ck_assert_uint_gt(rv_matcher_states(m), 1);
		for (int t = 0; t < 200; t++) {
			size_t len = 0, np;
			seed = seed * 1103515245 + 12345;
			np = (seed >> 16) % 41;
			for (size_t j = 0; j < np; j++) {
				seed = seed * 1103515245 + 12345;
				const char *pc = (seed >> 16) % 7 == 0 ? "x" :
				    piece[(seed >> 20) % npiece];
				memcpy(text + len, pc, strlen(pc));
				len += strlen(pc);
			}
			size_t nw = brute(keys, nkeys, text, len, want);
			ck_assert_uint_eq(rv_matcher_scan(m, text, len, &sc), nw);
			for (size_t h = 0; h < nw; h++) {
				ck_assert_uint_eq(sc.hits[h].start, want[h].start);
				ck_assert_uint_eq(sc.hits[h].len, want[h].len);
				/* Equal keys: the last added wins in both. */
				ck_assert_int_eq(sc.hits[h].value, want[h].value);
			}
		}
		rv_scan_free(&sc);
		rv_matcher_free(m);
	}
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
	tcase_add_test(tc, test_class_counts);
	tcase_add_test(tc, test_random_against_brute_force);
	tcase_add_test(tc, test_step_cache);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-matcher", suite)
