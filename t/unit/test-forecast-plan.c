/*
 * Pieces of the text plan (tools/forecast/plan.c): thousands separators
 * and agent bars.
 */
#include "ck.h"

#include <math.h>

#include "buf.h"
#include "fmt.h"
#include "plan.h"

START_TEST(test_thousands)
{
	static const struct {
		double		 v;
		int		 places;
		const char	*want;
	} c[] = {
		{ 0, 0, "0" }, { 7, 0, "7" }, { 999, 0, "999" },
		{ 1000, 0, "1,000" }, { 48213, 0, "48,213" },
		{ 1234567, 0, "1,234,567" }, { 11692.5, 2, "11,692.50" },
		{ 4123.44, 1, "4,123.4" }, { 100000, 1, "100,000.0" },
		{ -1234.5, 1, "-1,234.5" }, { -0.04, 1, "0.0" },
		{ 999.96, 1, "1,000.0" },
	};
	char buf[CS_FMT_BUFSIZE];

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		ck_assert_str_eq(fc_thousands(buf, c[i].v, c[i].places), c[i].want);
	ck_assert_str_eq(fc_thousands(buf, NAN, 1), "");
	ck_assert_str_eq(fc_thousands(buf, INFINITY, 0), "");
	ck_assert_str_eq(fc_thousands(buf, 1e19, 0), "");
}
END_TEST

static const char *
bar(struct cs_buf *b, double v, double max, int width)
{
	cs_buf_reset(b);
	fc_bar(b, v, max, width);
	return b->len > 0 ? b->data : "";
}

START_TEST(test_bar)
{
	struct cs_buf b = CS_BUF_INIT;

	ck_assert_str_eq(bar(&b, 10, 10, 5), "#####");
	ck_assert_str_eq(bar(&b, 5, 10, 5), "###");	/* 2.5 rounds up */
	ck_assert_str_eq(bar(&b, 4, 10, 5), "##");
	ck_assert_str_eq(bar(&b, 1, 1000, 30), "#");	/* never empty */
	ck_assert_str_eq(bar(&b, 0, 10, 5), "");
	ck_assert_str_eq(bar(&b, 3, 0, 5), "");
	ck_assert_str_eq(bar(&b, 20, 10, 5), "#####");	/* capped */
	ck_assert_uint_eq(strlen(bar(&b, 93, 93, FC_BAR_WIDTH)), FC_BAR_WIDTH);
	cs_buf_free(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("forecast-plan");
	TCase *tc = tcase_create("plan");

	tcase_add_test(tc, test_thousands);
	tcase_add_test(tc, test_bar);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-forecast-plan", suite)
