/*
 * cs-reviews summary: counts per aspect and period, the previous period,
 * the order of the rows, quotes.
 */
#include "config.h"

#include "ck.h"
#include "datetime.h"
#include "lexicon.h"
#include "score.h"
#include "summary.h"

static struct rv_lexicon *lx;
static struct rv_result res;
static int WL, ZL;

static void
setup(void)
{
	lx = rv_lexicon_new(false);
	rv_result_init(&res, rv_lexicon_naspects(lx));
	WL = rv_lexicon_find_aspect(lx, "物流", strlen("物流"));
	ZL = rv_lexicon_find_aspect(lx, "质量", strlen("质量"));
}

static void
teardown(void)
{
	rv_result_free(&res);
	rv_lexicon_free(lx);
}

/* A result with aspect a at score v (0: none); a complaint over the whole
 * text when v < 0. */
static void
result(int a, int v, int b, int w, const char *text)
{
	rv_result_reset(&res);
	if (v != 0) {
		res.named[a] = 1;
		res.aspect[a] = v;
	}
	if (w != 0) {
		res.named[b] = 1;
		res.aspect[b] = w;
	}
	res.capcomplaints = 4;
	res.complaints = realloc(res.complaints, 4 * sizeof *res.complaints);
	if (v < 0) {
		struct rv_complaint *c = &res.complaints[res.ncomplaints++];
		c->start = 0;
		c->end = (uint32_t)strlen(text);
		c->part = 0;
		c->aspect = a;
		c->score = v;
	}
}

static void
add(struct rv_summary *s, enum rv_polarity pol, bool hidden, int y,
    unsigned m, unsigned d, const char *text)
{
	const char *texts[RV_PARTS] = { text, "" };
	struct rv_review rv = { pol, hidden, y > 0,
		y > 0 ? cs_days_from_civil(y, m, d) : 0, "T恤", strlen("T恤"),
		"", 0 };

	rv_summary_add(s, &rv, &res, texts);
}

#define ROW(g, asp, rev, pos, neg, hid) do {				\
	ck_assert_int_eq((g)->aspect, (asp));				\
	ck_assert_int_eq((g)->reviews, (rev));				\
	ck_assert_int_eq((g)->positive, (pos));				\
	ck_assert_int_eq((g)->negative, (neg));				\
	ck_assert_int_eq((g)->hidden, (hid));				\
} while (0)

START_TEST(test_weeks)
{
	static const enum rv_dim by[] = { RV_DIM_ASPECT, RV_DIM_WEEK };
	struct rv_summary *s = rv_summary_new(lx, by, 2, 2);
	struct rv_group **rows;
	char label[CS_DATETIME_BUFSIZE];

	ck_assert(rv_summary_needs_date(s));
	result(WL, -200, ZL, 100, "物流慢");
	add(s, RV_MIXED, true, 2026, 11, 10, "物流慢");
	result(WL, -100, 0, 0, "太慢了");
	add(s, RV_NEGATIVE_REVIEW, false, 2026, 11, 15, "太慢了");
	result(WL, 100, 0, 0, "");
	add(s, RV_POSITIVE_REVIEW, false, 2026, 11, 16, "");
	result(WL, -100, 0, 0, "慢");
	add(s, RV_NEGATIVE_REVIEW, true, 2026, 11, 22, "慢");
	result(WL, -100, 0, 0, "太慢了");	/* the same quote twice */
	add(s, RV_NEGATIVE_REVIEW, false, 2026, 11, 22, "太慢了");
	result(ZL, 0, 0, 0, "");
	add(s, RV_NEUTRAL, false, 2026, 11, 22, "");

	ck_assert_uint_eq(rv_summary_rows(s, &rows), 5);
	/* Week of Monday 2026-11-09: 物流 worst, then 质量, then 全部. */
	ROW(rows[0], WL, 2, 0, 2, 1);
	rv_summary_period_label(s, rows[0], label);
	ck_assert_str_eq(label, "2026-11-09");
	ck_assert_ptr_null(rows[0]->prev);
	ck_assert_uint_eq(rows[0]->nquotes, 2);
	/* Quotes are not NUL-terminated: text and len. */
	ck_assert_uint_eq(rows[0]->quotes[0].len, strlen("物流慢"));	/* -200 */
	ck_assert(memcmp(rows[0]->quotes[0].text, "物流慢", strlen("物流慢")) == 0);
	ck_assert_uint_eq(rows[0]->quotes[1].len, strlen("太慢了"));
	ROW(rows[1], ZL, 1, 1, 0, 0);
	ck_assert_uint_eq(rows[1]->nquotes, 0);
	ROW(rows[2], -1, 2, 0, 2, 1);
	/* Week of 2026-11-16. */
	ROW(rows[3], WL, 3, 1, 2, 1);
	rv_summary_period_label(s, rows[3], label);
	ck_assert_str_eq(label, "2026-11-16");
	ck_assert_ptr_eq(rows[3]->prev, rows[0]);
	ck_assert_uint_eq(rows[3]->nquotes, 2);	/* 太慢了 once */
	ROW(rows[4], -1, 4, 1, 2, 1);
	ck_assert_ptr_eq(rows[4]->prev, rows[2]);
	rv_summary_free(s);
}
END_TEST

START_TEST(test_months_items_no_date)
{
	static const enum rv_dim by[] = { RV_DIM_MONTH, RV_DIM_ITEM };
	struct rv_summary *s = rv_summary_new(lx, by, 2, 0);
	struct rv_group **rows;
	char label[CS_DATETIME_BUFSIZE];

	result(WL, -100, 0, 0, "慢");
	add(s, RV_NEGATIVE_REVIEW, false, 2026, 12, 1, "慢");
	add(s, RV_NEGATIVE_REVIEW, false, 2026, 11, 30, "慢");
	add(s, RV_NEGATIVE_REVIEW, false, 2026, 11, 1, "慢");
	add(s, RV_NEGATIVE_REVIEW, false, 0, 0, 0, "慢");
	/* Not by aspect: only 全部 rows, oldest month first, no date last. */
	ck_assert_uint_eq(rv_summary_rows(s, &rows), 3);
	ROW(rows[0], -1, 2, 0, 2, 0);
	rv_summary_period_label(s, rows[0], label);
	ck_assert_str_eq(label, "2026-11");
	ck_assert_str_eq(rows[0]->item, "T恤");
	rv_summary_period_label(s, rows[1], label);
	ck_assert_str_eq(label, "2026-12");
	ck_assert_ptr_eq(rows[1]->prev, rows[0]);
	ck_assert_uint_eq(rows[1]->nquotes, 0);
	rv_summary_period_label(s, rows[2], label);
	ck_assert_str_eq(label, "");
	ck_assert_ptr_null(rows[2]->prev);
	rv_summary_free(s);
}
END_TEST

START_TEST(test_quotes_cut_and_ranked)
{
	static const enum rv_dim by[] = { RV_DIM_ASPECT };
	struct rv_summary *s = rv_summary_new(lx, by, 1, 1);
	struct rv_group **rows;
	const char *longq =
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二";

	ck_assert(!rv_summary_needs_date(s));
	result(WL, -100, 0, 0, "  慢");
	add(s, RV_NEGATIVE_REVIEW, false, 0, 0, 0, "  慢");
	result(WL, -300, 0, 0, longq);
	add(s, RV_NEGATIVE_REVIEW, false, 0, 0, 0, longq);
	result(WL, -300, 0, 0, "很慢");		/* as bad, but later */
	add(s, RV_NEGATIVE_REVIEW, false, 0, 0, 0, "很慢");
	ck_assert_uint_eq(rv_summary_rows(s, &rows), 2);
	ck_assert_uint_eq(rows[0]->nquotes, 1);
	ck_assert_uint_eq(rows[0]->quotes[0].len, 30 * 3 + 3);
	ck_assert(memcmp(rows[0]->quotes[0].text + 90, "…", 3) == 0);
	rv_summary_free(s);

	/* Trimmed. */
	s = rv_summary_new(lx, by, 1, 3);
	result(WL, -100, 0, 0, "  慢");
	add(s, RV_NEGATIVE_REVIEW, false, 0, 0, 0, "  慢");
	rv_summary_rows(s, &rows);
	ck_assert_uint_eq(rows[0]->quotes[0].len, 3);
	rv_summary_free(s);
}
END_TEST

START_TEST(test_dims)
{
	ck_assert_int_eq(rv_dim_parse("aspect", 6), RV_DIM_ASPECT);
	ck_assert_int_eq(rv_dim_parse("week", 4), RV_DIM_WEEK);
	ck_assert_int_eq(rv_dim_parse("sku", 3), RV_DIM_SKU);
	ck_assert_int_eq(rv_dim_parse("weeks", 5), -1);
	ck_assert_int_eq(rv_dim_parse("", 0), -1);
	ck_assert_str_eq(rv_dim_name(RV_DIM_MONTH), "month");
	ck_assert(rv_dim_is_period(RV_DIM_DATE));
	ck_assert(!rv_dim_is_period(RV_DIM_ITEM));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("reviews-summary");
	TCase *tc = tcase_create("summary");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_weeks);
	tcase_add_test(tc, test_months_items_no_date);
	tcase_add_test(tc, test_quotes_cut_and_ranked);
	tcase_add_test(tc, test_dims);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reviews-summary", suite)
