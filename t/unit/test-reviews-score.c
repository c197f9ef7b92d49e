/*
 * cs-reviews scoring: negation, degree, contrast, excess, segments,
 * boilerplate and follow-ups, first on a small lexicon where every sum can
 * be worked out by hand, then on the built-in one with buyers' sentences.
 */
#include "config.h"

#include "ck.h"
#include "lexicon.h"
#include "score.h"

static struct rv_lexicon *lx;
static struct rv_scorer *sc;
static struct rv_result res;
static int A_WULIU, A_ZHILIANG, A_CHIMA;

static void
term(const char *t, const char *a, const char *p, const char *w)
{
	const char *bad;

	ck_assert_int_eq(rv_lexicon_add(lx, t, strlen(t), a, strlen(a), p,
	    strlen(p), w, strlen(w), &bad), 0);
}

static int
aspect(const char *name)
{
	return rv_lexicon_find_aspect(lx, name, strlen(name));
}

static void
small(void)
{
	lx = rv_lexicon_new(false);
	term("好", "", "+", "");
	term("差", "", "-", "");
	term("慢", "物流", "-", "");
	term("很", "", "degree", "1.5");
	term("有点", "", "too", "0.5");
	term("大", "尺码", "~", "");
	term("不", "", "not", "");
	term("但是", "", "but", "2");
	term("质量", "质量", "0", "");
	term("物流", "物流", "0", "");
	term("此用户没有填写评价", "", "boilerplate", "");
	term("不好意思", "", "stop", "");
	sc = rv_scorer_new(lx);
	rv_result_init(&res, rv_lexicon_naspects(lx));
	A_WULIU = aspect("物流");
	A_ZHILIANG = aspect("质量");
	A_CHIMA = aspect("尺码");
}

static void
builtin(void)
{
	lx = rv_lexicon_new(true);
	sc = rv_scorer_new(lx);
	rv_result_init(&res, rv_lexicon_naspects(lx));
	A_WULIU = aspect("物流");
	A_ZHILIANG = aspect("质量");
	A_CHIMA = aspect("尺码");
}

static void
teardown(void)
{
	rv_result_free(&res);
	rv_scorer_free(sc);
	rv_lexicon_free(lx);
}

static void
score(const char *text)
{
	rv_result_reset(&res);
	rv_score(sc, text, strlen(text), 0, &res);
}

#define SUMS(p, n)	do {						\
	ck_assert_int_eq(rv_result_pos(&res), (p));			\
	ck_assert_int_eq(rv_result_neg(&res), (n));			\
} while (0)

START_TEST(test_negation_and_degree)
{
	score("好");
	SUMS(100, 0);
	score("很好");
	SUMS(150, 0);
	score("不好");
	SUMS(0, 100);
	score("不很好");		/* the degree, then the flip */
	SUMS(0, 150);
	score("不是不好");		/* two negators flip back */
	SUMS(100, 0);
	score("不，好");		/* a negator stops at the clause */
	SUMS(100, 0);
	score("不一二三四五好");	/* too far to reach */
	SUMS(100, 0);
	score("不一二三四好");		/* four characters between: reaches */
	SUMS(0, 100);
	score("很一二三好");		/* a degree reaches 2 characters only */
	SUMS(100, 0);
	score("好慢");			/* a one-character 好 before an opinion */
	SUMS(0, 150);
	ck_assert_int_eq(res.aspect[A_WULIU], -150);
}
END_TEST

START_TEST(test_excess)
{
	score("有点大");
	SUMS(0, 50);
	ck_assert_int_eq(res.aspect[A_CHIMA], -50);
	ck_assert(res.named[A_CHIMA]);
	score("很大");			/* an attribute needs an excess degree */
	SUMS(0, 0);
	ck_assert(!res.named[A_CHIMA]);
	score("大");
	SUMS(0, 0);
}
END_TEST

START_TEST(test_contrast_and_segments)
{
	score("质量好但是物流慢");
	SUMS(100, 200);
	ck_assert_int_eq(res.aspect[A_ZHILIANG], 100);
	ck_assert_int_eq(res.aspect[A_WULIU], -200);
	ck_assert_int_eq(rv_polarity(100, 200), RV_MIXED);
	ck_assert_uint_eq(res.ncomplaints, 1);
	ck_assert_int_eq(res.complaints[0].aspect, A_WULIU);
	ck_assert_int_eq(res.complaints[0].score, -200);
	ck_assert_uint_eq(res.nevidence, 1);
	ck_assert_uint_eq(res.evidence[0].start, 9);	/* 但是物流慢 */
	ck_assert_uint_eq(res.evidence[0].end, 24);

	/* No punctuation, no contrast: a second aspect starts a segment.
	 * A tie, and the clause complains: it leans to the complaint. */
	score("质量好物流慢");
	SUMS(100, 120);
	ck_assert_int_eq(res.aspect[A_ZHILIANG], 100);
	ck_assert_int_eq(res.aspect[A_WULIU], -100);

	/* An aspect without an opinion waits for the next clause. */
	score("质量，差");
	SUMS(0, 100);
	ck_assert_int_eq(res.aspect[A_ZHILIANG], -100);
	ck_assert_uint_eq(res.nevidence, 1);
	ck_assert_uint_eq(res.evidence[0].start, 9);

	/* No aspect: the overall opinion, a complaint about aspect -1. */
	score("差");
	ck_assert_uint_eq(res.ncomplaints, 1);
	ck_assert_int_eq(res.complaints[0].aspect, -1);
	ck_assert(!res.named[A_ZHILIANG]);

	/* Consecutive negative clauses make one piece of evidence. */
	score("好，差，差，好，差");
	SUMS(200, 300);
	ck_assert_uint_eq(res.nevidence, 2);
	ck_assert_uint_eq(res.evidence[0].start, 6);
	ck_assert_uint_eq(res.evidence[0].end, 15);
	ck_assert_uint_eq(res.evidence[1].start, 24);
	ck_assert_uint_eq(res.evidence[1].end, 27);
}
END_TEST

START_TEST(test_boilerplate_and_followup)
{
	score("此用户没有填写评价");
	ck_assert(!res.part[0].text);
	SUMS(0, 0);
	score("此用户没有填写评价。");
	ck_assert(!res.part[0].text);
	score("。。");
	ck_assert(!res.part[0].text);
	score("");
	ck_assert(!res.part[0].text);
	score("收到了");
	ck_assert(res.part[0].text);
	SUMS(0, 0);
	score("不好意思，好");		/* the stop word hides 不好 */
	SUMS(100, 0);

	rv_result_reset(&res);
	rv_score(sc, "好", strlen("好"), 0, &res);
	rv_score(sc, "质量差", strlen("质量差"), 1, &res);
	ck_assert_int_eq(res.part[0].pos, 100);
	ck_assert_int_eq(res.part[1].neg, 100);
	ck_assert(res.part[1].text);
	SUMS(100, 100);
	ck_assert_int_eq(res.evidence[0].part, 1);
	ck_assert_int_eq(res.complaints[0].part, 1);
	ck_assert_int_eq(res.aspect[A_ZHILIANG], -100);

	/* Praise and a complaint about one aspect: the complaint wins the
	 * sign, the net score stays. */
	rv_result_reset(&res);
	rv_score(sc, "质量很好", strlen("质量很好"), 0, &res);
	rv_score(sc, "质量差", strlen("质量差"), 1, &res);
	ck_assert_int_eq(res.aspect[A_ZHILIANG], 50);
	ck_assert_int_eq(rv_result_sign(&res, (size_t)A_ZHILIANG), -1);
	score("质量很好");
	ck_assert_int_eq(rv_result_sign(&res, (size_t)A_ZHILIANG), 1);
	ck_assert_int_eq(rv_result_sign(&res, (size_t)A_WULIU), 0);

	/* Negative clauses in both parts: two pieces of evidence, never one
	 * over both texts. */
	rv_result_reset(&res);
	rv_score(sc, "好，差", strlen("好，差"), 0, &res);
	rv_score(sc, "差", strlen("差"), 1, &res);
	ck_assert_uint_eq(res.nevidence, 2);
	ck_assert_int_eq(res.evidence[0].part, 0);
	ck_assert_uint_eq(res.evidence[0].start, 6);
	ck_assert_uint_eq(res.evidence[0].end, 9);
	ck_assert_int_eq(res.evidence[1].part, 1);
	ck_assert_uint_eq(res.evidence[1].start, 0);
	ck_assert_uint_eq(res.evidence[1].end, 3);
}
END_TEST

START_TEST(test_polarity)
{
	ck_assert_int_eq(rv_polarity(0, 0), RV_NEUTRAL);
	ck_assert_int_eq(rv_polarity(1, 0), RV_POSITIVE_REVIEW);
	ck_assert_int_eq(rv_polarity(0, 1), RV_NEGATIVE_REVIEW);
	ck_assert_int_eq(rv_polarity(401, 100), RV_POSITIVE_REVIEW);
	ck_assert_int_eq(rv_polarity(400, 100), RV_MIXED);
	ck_assert_int_eq(rv_polarity(100, 400), RV_MIXED);
	ck_assert_int_eq(rv_polarity(100, 401), RV_NEGATIVE_REVIEW);
	ck_assert_str_eq(rv_polarity_name(RV_MIXED), "mixed");
	ck_assert_str_eq(rv_polarity_name(RV_NEUTRAL), "neutral");
	ck_assert_str_eq(rv_polarity_name(RV_POSITIVE_REVIEW), "positive");
	ck_assert_str_eq(rv_polarity_name(RV_NEGATIVE_REVIEW), "negative");
}
END_TEST

START_TEST(test_verdict)
{
	score("好，但是差");		/* one complaint: a mix */
	SUMS(100, 200);
	score("好，很差，很差");	/* a concession before two complaints */
	SUMS(0, 300);
	score("很差，很差，好");	/* or after them */
	SUMS(0, 300);
	score("好，差，差");		/* complaints not 2.5 times as strong */
	SUMS(100, 200);
	score("好，很差，差");		/* 2.5 times, but under 3 */
	SUMS(100, 250);
	score("很好，很差，很差，很差");	/* praise more than a concession */
	SUMS(150, 450);
	score("好，好，很差，很差");	/* two praises: 200 */
	SUMS(200, 300);
	/* A complaint after a contrast word weighs a quarter of the praise. */
	score("很好，很好，很好，但是有点大");
	SUMS(450, 113);
	ck_assert_int_eq(rv_polarity(450, 113), RV_MIXED);
	ck_assert_int_eq(res.aspect[A_CHIMA], -100);
	score("很好，很好，很好，有点大");	/* the last clause: the same */
	SUMS(450, 113);
	score("很好，有点大，很好，很好");	/* in the middle: drowned */
	SUMS(450, 50);
	score("很好，有点大，很好，但是");	/* a bare contrast word at the end */
	SUMS(300, 50);
	score("很好，很好，很好，但是好");	/* no complaint */
	SUMS(650, 0);
	/* Each part alone: the follow-up's complaint against its own praise. */
	rv_result_reset(&res);
	rv_score(sc, "很好，很好，很好", strlen("很好，很好，很好"), 0, &res);
	rv_score(sc, "好，但是有点大", strlen("好，但是有点大"), 1, &res);
	ck_assert_int_eq(res.part[0].pos, 450);
	ck_assert_int_eq(res.part[1].pos, 100);
	ck_assert_int_eq(res.part[1].neg, 120);	/* a tie: said last */
}
END_TEST

START_TEST(test_side_praise)
{
	/* Praise of the delivery only, a complaint about the goods: the
	 * praise counts a third, at most half the complaint, at least a
	 * quarter of a complaint under 3 (still mixed). */
	score("物流好，但是质量差");
	SUMS(50, 200);
	ck_assert_int_eq(rv_polarity(50, 200), RV_MIXED);
	score("物流好，但是质量很差");	/* strong: the third, negative */
	SUMS(34, 300);
	ck_assert_int_eq(rv_polarity(34, 300), RV_NEGATIVE_REVIEW);
	score("很差，物流好，物流好，物流好");	/* half the complaint */
	SUMS(75, 150);
	score("很差，物流好，物流好，物流好，很差");	/* the third */
	SUMS(100, 300);
	/* A complaint under 1 does not tip it, nor one about the delivery,
	 * nor praise of the goods beside it. */
	score("物流好，有点大");
	SUMS(100, 50);
	score("物流好，但是有点大");	/* 100 after 但是, but mild: a tie */
	SUMS(100, 120);
	score("物流好，但是物流慢");
	SUMS(100, 200);
	score("物流好，质量好，但是质量差");
	SUMS(200, 200 + 40);	/* a tie, said last */
}
END_TEST

START_TEST(test_tie)
{
	/* Equal sums print a score of 0: the clause said last wins by a
	 * tenth of both, whatever it is about. */
	score("差，好");
	SUMS(120, 100);
	score("好，差");
	SUMS(100, 120);
	score("物流慢，质量好");
	SUMS(120, 100);
	score("质量好，物流慢");
	SUMS(100, 120);
	score("但是有点大，好");
	SUMS(120, 100);
	score("好，但是有点大");
	SUMS(100, 120);
	score("物流好，质量差");	/* no tie once the praise is a third */
	SUMS(34, 100);
	score("好，好，差");		/* not a tie: 200 against 100 */
	SUMS(200, 100);
}
END_TEST

static enum rv_polarity
polarity(const char *text)
{
	score(text);
	return rv_polarity(rv_result_pos(&res), rv_result_neg(&res));
}

START_TEST(test_buyers)
{
	int color = aspect("颜色"), perf = aspect("性能");

	ck_assert_int_eq(polarity("质量很好，但是物流太慢了"), RV_MIXED);
	ck_assert_int_gt(res.aspect[A_ZHILIANG], 0);
	ck_assert_int_lt(res.aspect[A_WULIU], 0);
	/* SnowNLP's 0.88. */
	ck_assert_int_eq(polarity("但是！！！我想吐槽这个信号，是真差"),
	    RV_NEGATIVE_REVIEW);
	ck_assert_int_lt(res.aspect[perf], 0);
	ck_assert_int_eq(polarity("不错"), RV_POSITIVE_REVIEW);
	ck_assert_int_eq(polarity("不好"), RV_NEGATIVE_REVIEW);
	ck_assert_int_eq(polarity("没有色差"), RV_POSITIVE_REVIEW);
	ck_assert_int_gt(res.aspect[color], 0);
	ck_assert_int_eq(polarity("衣服有点大"), RV_NEGATIVE_REVIEW);
	ck_assert_int_lt(res.aspect[A_CHIMA], 0);
	ck_assert_int_eq(polarity("差"), RV_NEGATIVE_REVIEW);
	ck_assert_int_eq(polarity("系统默认好评"), RV_NEUTRAL);
	ck_assert(!res.part[0].text);
	ck_assert_int_eq(polarity("很好很好很好👍"), RV_POSITIVE_REVIEW);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-score");
	TCase *tc = tcase_create("small");
	TCase *tb = tcase_create("builtin");

	tcase_add_checked_fixture(tc, small, teardown);
	tcase_add_test(tc, test_negation_and_degree);
	tcase_add_test(tc, test_excess);
	tcase_add_test(tc, test_contrast_and_segments);
	tcase_add_test(tc, test_boilerplate_and_followup);
	tcase_add_test(tc, test_polarity);
	tcase_add_test(tc, test_verdict);
	tcase_add_test(tc, test_side_praise);
	tcase_add_test(tc, test_tie);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tb, builtin, teardown);
	tcase_add_test(tb, test_buyers);
	suite_add_tcase(s, tb);
	return s;
}

CS_CHECK_MAIN("test-reviews-score", suite)
