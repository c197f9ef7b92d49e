/*
 * cs-reviews lexicon: the file format's values, replacing, aspects.
 */
#include "config.h"

#include "ck.h"
#include "lexicon.h"

static int
add(struct rv_lexicon *lx, const char *t, const char *a, const char *p,
    const char *w, const char **bad)
{
	return rv_lexicon_add(lx, t, strlen(t), a, strlen(a), p, strlen(p), w,
	    strlen(w), bad);
}

START_TEST(test_kinds_and_weights)
{
	struct rv_lexicon *lx = rv_lexicon_new(false);
	const char *bad = NULL;
	const struct rv_term *t;

	ck_assert_uint_eq(rv_lexicon_count(lx), 0);
	ck_assert_int_eq(add(lx, "发货慢", "发货", "-", "", &bad), 0);
	ck_assert_int_eq(add(lx, " 超级 ", "", "degree", "", &bad), 0);
	ck_assert_int_eq(add(lx, "但", "", "but", "1.25", &bad), 0);
	ck_assert_int_eq(add(lx, "SIZE", "尺码", "0", "", &bad), 0);
	ck_assert_int_eq(add(lx, "赞", "", "positive", "0.5", &bad), 0);
	ck_assert_uint_eq(rv_lexicon_count(lx), 5);

	t = rv_lexicon_term(lx, 0);
	ck_assert_str_eq(t->text, "发货慢");
	ck_assert_int_eq(t->kind, RV_NEGATIVE);
	ck_assert_str_eq(rv_lexicon_aspect(lx, (size_t)t->aspect), "发货");
	ck_assert_int_eq(t->weight, 100);
	t = rv_lexicon_term(lx, 1);
	ck_assert_str_eq(t->text, "超级");	/* trimmed */
	ck_assert_int_eq(t->kind, RV_DEGREE);
	ck_assert_int_eq(t->aspect, -1);
	ck_assert_int_eq(t->weight, 150);	/* degree's default */
	t = rv_lexicon_term(lx, 2);
	ck_assert_int_eq(t->kind, RV_CONTRAST);
	ck_assert_int_eq(t->weight, 125);
	t = rv_lexicon_term(lx, 3);
	ck_assert_str_eq(t->text, "size");	/* folded */
	ck_assert_int_eq(t->kind, RV_ASPECT);
	ck_assert_int_eq(rv_lexicon_find(lx, "size", 4), 3);
	ck_assert_int_eq(rv_lexicon_find(lx, "大小", strlen("大小")), -1);
	t = rv_lexicon_term(lx, 4);
	ck_assert_int_eq(t->kind, RV_POSITIVE);
	ck_assert_int_eq(t->weight, 50);
	ck_assert_str_eq(rv_kind_name(RV_POSITIVE), "+");
	ck_assert_str_eq(rv_kind_name(RV_EXCESS), "too");
	ck_assert_str_eq(rv_kind_name(RV_BOILERPLATE), "boilerplate");
	rv_lexicon_free(lx);
}
END_TEST

START_TEST(test_replace_and_aspects)
{
	struct rv_lexicon *lx = rv_lexicon_new(false);
	size_t nb = rv_lexicon_nbuiltin_aspects();
	const char *bad = NULL;

	ck_assert_uint_eq(nb, 23);
	ck_assert_uint_eq(rv_lexicon_naspects(lx), nb);
	ck_assert_str_eq(rv_lexicon_aspect(lx, 0), "物流");
	ck_assert_int_eq(rv_lexicon_find_aspect(lx, "尺码", strlen("尺码")), 4);
	ck_assert_int_eq(add(lx, "慢", "物流", "-", "", &bad), 0);
	ck_assert_int_eq(add(lx, "小票", "发票", "0", "", &bad), 0);
	ck_assert_uint_eq(rv_lexicon_naspects(lx), nb + 1);
	ck_assert_str_eq(rv_lexicon_aspect(lx, nb), "发票");
	/* The same term again replaces it in place. */
	ck_assert_int_eq(add(lx, "慢", "发货", "-", "2", &bad), 0);
	ck_assert_uint_eq(rv_lexicon_count(lx), 2);
	const struct rv_term *t = rv_lexicon_term(lx, 0);
	ck_assert_str_eq(rv_lexicon_aspect(lx, (size_t)t->aspect), "发货");
	ck_assert_int_eq(t->weight, 200);
	rv_lexicon_free(lx);
}
END_TEST

START_TEST(test_bad_values)
{
	struct rv_lexicon *lx = rv_lexicon_new(false);
	const char *bad = NULL;
	char longterm[RV_TERM_MAX + 2];

	memset(longterm, 'a', sizeof longterm - 1);
	longterm[sizeof longterm - 1] = '\0';
	ck_assert_int_ne(add(lx, "", "", "+", "", &bad), 0);
	ck_assert_str_eq(bad, "term");
	ck_assert_int_ne(add(lx, longterm, "", "+", "", &bad), 0);
	ck_assert_str_eq(bad, "term");
	ck_assert_int_ne(add(lx, "好", "", "great", "", &bad), 0);
	ck_assert_str_eq(bad, "polarity");
	ck_assert_int_ne(add(lx, "快递", "", "0", "", &bad), 0);
	ck_assert_str_eq(bad, "aspect");	/* 0 needs an aspect */
	ck_assert_int_ne(add(lx, "快递", "物流;发货", "0", "", &bad), 0);
	ck_assert_str_eq(bad, "aspect");
	ck_assert_int_ne(add(lx, "好", "", "+", "11", &bad), 0);
	ck_assert_str_eq(bad, "weight");
	ck_assert_int_ne(add(lx, "好", "", "+", "1.234", &bad), 0);
	ck_assert_str_eq(bad, "weight");
	ck_assert_int_ne(add(lx, "好", "", "+", "1.", &bad), 0);
	ck_assert_str_eq(bad, "weight");
	ck_assert_int_ne(add(lx, "好", "", "+", "-1", &bad), 0);
	ck_assert_str_eq(bad, "weight");
	ck_assert_uint_eq(rv_lexicon_count(lx), 0);
	ck_assert_int_eq(add(lx, "好", "", "+", "10", &bad), 0);
	ck_assert_int_eq(add(lx, "好", "", "+", "0", &bad), 0);
	ck_assert_int_eq(rv_lexicon_term(lx, 0)->weight, 0);
	rv_lexicon_free(lx);
}
END_TEST

START_TEST(test_weight_format)
{
	char buf[16];

	ck_assert_str_eq(rv_weight_format(buf, 100), "1");
	ck_assert_str_eq(rv_weight_format(buf, 150), "1.5");
	ck_assert_str_eq(rv_weight_format(buf, 25), "0.25");
	ck_assert_str_eq(rv_weight_format(buf, 0), "0");
	ck_assert_str_eq(rv_weight_format(buf, 1000), "10");
}
END_TEST

START_TEST(test_builtin)
{
	struct rv_lexicon *lx = rv_lexicon_new(true);
	int i;

	ck_assert_uint_gt(rv_lexicon_count(lx), 1000);
	i = rv_lexicon_find(lx, "但是", strlen("但是"));
	ck_assert_int_ge(i, 0);
	ck_assert_int_eq(rv_lexicon_term(lx, (size_t)i)->kind, RV_CONTRAST);
	i = rv_lexicon_find(lx, "快递", strlen("快递"));
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(rv_lexicon_aspect(lx,
	    (size_t)rv_lexicon_term(lx, (size_t)i)->aspect), "物流");
	i = rv_lexicon_find(lx, "没有", strlen("没有"));
	ck_assert_int_eq(rv_lexicon_term(lx, (size_t)i)->kind, RV_NEGATOR);
	i = rv_lexicon_find(lx, "此用户没有填写评价",
	    strlen("此用户没有填写评价"));
	ck_assert_int_eq(rv_lexicon_term(lx, (size_t)i)->kind,
	    RV_BOILERPLATE);
	/* Every built-in aspect has words. */
	for (size_t a = 0; a < rv_lexicon_nbuiltin_aspects(); a++) {
		size_t n = 0;
		for (size_t k = 0; k < rv_lexicon_count(lx); k++)
			n += rv_lexicon_term(lx, k)->aspect == (int)a;
		ck_assert_msg(n >= 5, "aspect %s: %zu words",
		    rv_lexicon_aspect(lx, a), n);
	}
	rv_lexicon_free(lx);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-lexicon");
	TCase *tc = tcase_create("lexicon");

	tcase_add_test(tc, test_kinds_and_weights);
	tcase_add_test(tc, test_replace_and_aspects);
	tcase_add_test(tc, test_bad_values);
	tcase_add_test(tc, test_weight_format);
	tcase_add_test(tc, test_builtin);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-lexicon", suite)
