/*
 * Report numbers: exact ratios and percentages rounded half up (away from
 * zero), integers, doubles without "-0" or "nan".
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ck.h"
#include "fmt.h"

struct ratio_case {
	int64_t		 num, den;
	int		 places;
	const char	*ratio, *percent;
};

static const struct ratio_case cases[] = {
	{ 1, 3, 4, "0.3333", "33.3333%" },
	{ 2, 3, 4, "0.6667", "66.6667%" },
	{ 1, 8, 2, "0.13", "12.50%" },
	{ 1, 8, 3, "0.125", "12.500%" },
	{ 1, 8, 1, "0.1", "12.5%" },
	{ 1, 4, 0, "0", "25%" },
	{ 1, 2, 0, "1", "50%" },
	{ 3, 2, 0, "2", "150%" },
	{ 5, 1, 0, "5", "500%" },
	{ 1, 1, 4, "1.0000", "100.0000%" },
	{ 0, 7, 4, "0.0000", "0.0000%" },
	{ 7, 7, 2, "1.00", "100.00%" },
	{ 2, 1, 2, "2.00", "200.00%" },
	{ 123456, 1000, 1, "123.5", "12345.6%" },
	{ 1, 1000, 4, "0.0010", "0.1000%" },
	{ 1, 200000, 4, "0.0000", "0.0005%" },
	{ 1, 20000, 4, "0.0001", "0.0050%" },
	{ 2, 3, 1, "0.7", "66.7%" },
	/* Negatives round away from zero too, and never print "-0". */
	{ -1, 3, 4, "-0.3333", "-33.3333%" },
	{ 1, -3, 4, "-0.3333", "-33.3333%" },
	{ -1, -3, 4, "0.3333", "33.3333%" },
	{ -2, 3, 4, "-0.6667", "-66.6667%" },
	{ -1, 8, 2, "-0.13", "-12.50%" },
	{ -1, 2, 0, "-1", "-50%" },
	{ -1, 3, 0, "0", "-33%" },
	{ -1, 100000, 4, "0.0000", "-0.0010%" },
	{ -1, 3000000, 4, "0.0000", "0.0000%" },
	{ 0, -5, 2, "0.00", "0.00%" },
	/* Nothing to divide by: an empty cell, not "inf" or "nan". */
	{ 1, 0, 4, "", "" },
	{ 0, 0, 4, "", "" },
	{ -3, 0, 2, "", "" },
	/* The ends of int64, exactly. */
	{ INT64_MAX, 1, 4, "9223372036854775807.0000", NULL },
	{ INT64_MIN + 1, 1, 2, "-9223372036854775807.00", NULL },
	{ INT64_MIN, 1, 2, "-9223372036854775808.00", NULL },
	{ INT64_MIN, -1, 2, "9223372036854775808.00", NULL },
	{ INT64_MIN, 1, 0, "-9223372036854775808", NULL },
	{ INT64_MAX, INT64_MAX, 4, "1.0000", "100.0000%" },
	{ INT64_MAX - 1, INT64_MAX, 4, "1.0000", "100.0000%" },
	{ 1, INT64_MAX, 4, "0.0000", "0.0000%" },
	{ INT64_MAX / 3, INT64_MAX, 4, "0.3333", "33.3333%" },
};

START_TEST(test_ratio_percent)
{
	char buf[CS_FMT_BUFSIZE];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct ratio_case *c = &cases[i];

		ck_assert_ptr_eq(cs_fmt_ratio(buf, c->num, c->den, c->places), buf);
		ck_assert_msg(strcmp(buf, c->ratio) == 0, "%lld/%lld at %d: %s, expected %s",
		    (long long)c->num, (long long)c->den, c->places, buf, c->ratio);
		if (c->percent == NULL)
			continue;
		ck_assert_ptr_eq(cs_fmt_percent(buf, c->num, c->den, c->places), buf);
		ck_assert_msg(strcmp(buf, c->percent) == 0,
		    "%lld/%lld at %d: %s, expected %s", (long long)c->num,
		    (long long)c->den, c->places, buf, c->percent);
	}
}
END_TEST

/* Every k/n for small n against rounding by hand in integers. */
START_TEST(test_ratio_exhaustive)
{
	char buf[CS_FMT_BUFSIZE], want[CS_FMT_BUFSIZE];

	for (int64_t den = 1; den <= 60; den++)
		for (int64_t num = -2 * den; num <= 2 * den; num++) {
			int64_t a = num < 0 ? -num : num;
			int64_t q = (a * 10000 * 2 + den) / (den * 2);
			bool neg = num < 0 && q != 0;
			snprintf(want, sizeof want, "%s%lld.%04lld", neg ? "-" : "",
			    (long long)(q / 10000), (long long)(q % 10000));
			cs_fmt_ratio(buf, num, den, 4);
			if (strcmp(buf, want) != 0)
				ck_abort_msg("%lld/%lld: %s, expected %s",
				    (long long)num, (long long)den, buf, want);
		}
}
END_TEST

START_TEST(test_int)
{
	char buf[CS_FMT_BUFSIZE];

	ck_assert_str_eq(cs_fmt_int(buf, 0), "0");
	ck_assert_str_eq(cs_fmt_int(buf, -5), "-5");
	ck_assert_str_eq(cs_fmt_int(buf, 1234567), "1234567");
	ck_assert_str_eq(cs_fmt_int(buf, INT64_MAX), "9223372036854775807");
	ck_assert_str_eq(cs_fmt_int(buf, INT64_MIN), "-9223372036854775808");
}
END_TEST

/* Digits without a NUL, padded to a width. */
START_TEST(test_digits)
{
	static const struct {
		uint64_t	 v;
		int		 width;
		const char	*out;
	} c[] = {
		{ 0, 1, "0" }, { 0, 0, "0" }, { 7, 2, "07" }, { 59, 2, "59" },
		{ 123, 2, "123" }, { 2026, 4, "2026" }, { 5, 4, "0005" },
		{ UINT64_MAX, 1, "18446744073709551615" },
		{ 1, 20, "00000000000000000001" }, { 1, 25, "00000000000000000001" },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		memset(buf, 'x', sizeof buf);
		char *end = cs_fmt_digits(buf, c[i].v, c[i].width);
		ck_assert_int_eq(end - buf, (int)strlen(c[i].out));
		ck_assert_msg(memcmp(buf, c[i].out, strlen(c[i].out)) == 0 &&
		    *end == 'x', "case %zu", i);
	}
}
END_TEST

START_TEST(test_double)
{
	char buf[CS_FMT_BUFSIZE];

	ck_assert_str_eq(cs_fmt_double(buf, 1.5, 2), "1.50");
	ck_assert_str_eq(cs_fmt_double(buf, -3.14159, 2), "-3.14");
	ck_assert_str_eq(cs_fmt_double(buf, 12.0, 0), "12");
	ck_assert_str_eq(cs_fmt_double(buf, 0.0, 1), "0.0");
	/* No "-0.0000": a negative that rounds to zero is zero. */
	ck_assert_str_eq(cs_fmt_double(buf, -0.00001, 4), "0.0000");
	ck_assert_str_eq(cs_fmt_double(buf, -0.0, 1), "0.0");
	ck_assert_str_eq(cs_fmt_double(buf, -0.4, 0), "0");
	ck_assert_str_eq(cs_fmt_double(buf, -0.6, 0), "-1");
	ck_assert_str_eq(cs_fmt_double(buf, -0.05, 3), "-0.050");
	ck_assert_str_eq(cs_fmt_double(buf, -10.0, 1), "-10.0");
	/* Halves away from zero, like the daily figures' exact rounding. */
	ck_assert_str_eq(cs_fmt_double(buf, 236.25, 1), "236.3");
	ck_assert_str_eq(cs_fmt_double(buf, 0.15, 1), "0.2");
	ck_assert_str_eq(cs_fmt_double(buf, 2.5, 0), "3");
	ck_assert_str_eq(cs_fmt_double(buf, -2.5, 0), "-3");
	ck_assert_str_eq(cs_fmt_double(buf, 0.12345, 4), "0.1235");
	ck_assert_str_eq(cs_fmt_double(buf, 1e17, 1), "100000000000000000.0");
	/* Never "nan" or "inf" in a report. */
	ck_assert_str_eq(cs_fmt_double(buf, NAN, 2), "");
	ck_assert_str_eq(cs_fmt_double(buf, INFINITY, 2), "");
	ck_assert_str_eq(cs_fmt_double(buf, -INFINITY, 2), "");
}
END_TEST

static Suite *
fmt_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("fmt");

	tcase_add_test(tc, test_ratio_percent);
	tcase_add_test(tc, test_ratio_exhaustive);
	tcase_add_test(tc, test_int);
	tcase_add_test(tc, test_digits);
	tcase_add_test(tc, test_double);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-fmt", fmt_suite)
