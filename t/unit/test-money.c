/*
 * Money: every way an export writes an amount, to int64 cents, and back.
 */
#include "config.h"

#include <stdint.h>

#include "ck.h"
#include "money.h"
#include "value.h"

struct money_case {
	const char	*in;
	int		 rc;
	int64_t		 cents;
};

static const struct money_case cases[] = {
	{ "128", 0, 12800 },
	{ "128.5", 0, 12850 },
	{ "128.00", 0, 12800 },
	{ "0", 0, 0 },
	{ "0.01", 0, 1 },
	{ ".5", 0, 50 },
	{ "128.", 0, 12800 },
	{ "+5", 0, 500 },
	{ "-3.20", 0, -320 },
	{ "-0", 0, 0 },
	{ "-0.00", 0, 0 },
	/* Currency signs in front, 元 behind, spaces between. */
	{ "\xC2\xA5" "128.00", 0, 12800 },		/* ¥ */
	{ "\xEF\xBF\xA5" "1,280.50", 0, 128050 },	/* ￥ (full width) */
	{ "\xEF\xBF\xA5 1,280.50", 0, 128050 },
	{ "128.00\xE5\x85\x83", 0, 12800 },		/* 元 */
	{ "128.00 \xE5\x85\x83", 0, 12800 },
	{ "\xC2\xA5" "12.30\xE5\x85\x83", 0, 1230 },
	{ "RMB 9.9", 0, 990 },
	{ "RMB9.9", 0, 990 },
	{ "rmb 9.9", 0, 990 },
	{ "CNY 1,000", 0, 100000 },
	{ "\xC2\xA5-3.20", 0, -320 },			/* ¥-3.20 */
	{ "-\xC2\xA5" "3.20", 0, -320 },		/* -¥3.20 */
	{ "- \xC2\xA5 3.20", 0, -320 },
	{ "  128.00  ", 0, 12800 },
	{ "\t128\t", 0, 12800 },
	/* Thousands separators: groups of three, and only those. */
	{ "1,280", 0, 128000 },
	{ "1,234,567.89", 0, 123456789 },
	{ "12,345", 0, 1234500 },
	{ "12,80", CS_VALUE_INVALID, 0 },	/* a decimal comma, not 1280 */
	{ "1280,50", CS_VALUE_INVALID, 0 },
	{ "1,2345", CS_VALUE_INVALID, 0 },
	{ "1,23,456", CS_VALUE_INVALID, 0 },
	{ "1,234,56", CS_VALUE_INVALID, 0 },
	{ ",128", CS_VALUE_INVALID, 0 },
	{ "128,", CS_VALUE_INVALID, 0 },
	{ "1,,280", CS_VALUE_INVALID, 0 },
	{ "1 280", CS_VALUE_INVALID, 0 },
	/* More than two decimals: rounded half away from zero. */
	{ "0.005", 0, 1 },
	{ "0.004", 0, 0 },
	{ "0.0049999", 0, 0 },
	{ "-0.005", 0, -1 },
	{ "0.995", 0, 100 },
	{ "1.23456", 0, 123 },
	{ "1.235", 0, 124 },
	{ "-1.235", 0, -124 },
	{ "99.999", 0, 10000 },
	/* Empty values. */
	{ "", CS_VALUE_EMPTY, 0 },
	{ "   ", CS_VALUE_EMPTY, 0 },
	{ "-", CS_VALUE_EMPTY, 0 },
	{ " - ", CS_VALUE_EMPTY, 0 },
	{ "\xE2\x80\x94", CS_VALUE_EMPTY, 0 },		/* — */
	/* Not amounts. */
	{ "\xE6\x97\xA0\xE9\x80\x80\xE6\xAC\xBE\xE7\x94\xB3\xE8\xAF\xB7",
	    CS_VALUE_INVALID, 0 },			/* 无退款申请 */
	{ "abc", CS_VALUE_INVALID, 0 },
	{ "12a", CS_VALUE_INVALID, 0 },
	{ "1.2.3", CS_VALUE_INVALID, 0 },
	{ "1.2e3", CS_VALUE_INVALID, 0 },
	{ ".", CS_VALUE_INVALID, 0 },
	{ "\xC2\xA5", CS_VALUE_INVALID, 0 },
	{ "\xE5\x85\x83", CS_VALUE_INVALID, 0 },
	{ "--3", CS_VALUE_INVALID, 0 },
	{ "3-", CS_VALUE_INVALID, 0 },
	{ "128\xE5\x85\x83\xE5\x85\x83", CS_VALUE_INVALID, 0 },
	{ "USD 5", CS_VALUE_INVALID, 0 },
	{ "0x10", CS_VALUE_INVALID, 0 },
	/* Overflow is invalid, never a wrapped number. */
	{ "92233720368547757.99", 0, INT64_C(9223372036854775799) },
	{ "-92233720368547757.99", 0, -INT64_C(9223372036854775799) },
	{ "100000000000000000", CS_VALUE_INVALID, 0 },
	{ "18446744073709551616", CS_VALUE_INVALID, 0 },
	{ "99999999999999999999999999.00", CS_VALUE_INVALID, 0 },
};

START_TEST(test_parse_table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct money_case *c = &cases[i];
		int64_t v = -777;
		int rc = cs_money_parse(c->in, strlen(c->in), &v);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (c->rc == 0)
			ck_assert_msg(v == c->cents, "\"%s\": %lld cents, expected %lld",
			    c->in, (long long)v, (long long)c->cents);
		else
			ck_assert_msg(v == -777, "\"%s\": value stored on failure",
			    c->in);
	}
}
END_TEST

/* The length is what counts, not a NUL: a field may be cut anywhere. */
START_TEST(test_parse_uses_length)
{
	int64_t v;

	ck_assert_int_eq(cs_money_parse("128.009", 5, &v), 0);
	ck_assert_int_eq(v, 12800);
	ck_assert_int_eq(cs_money_parse("12,800", 2, &v), 0);
	ck_assert_int_eq(v, 1200);
	ck_assert_int_eq(cs_money_parse("12,800", 3, &v), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_money_parse("5\0" "00", 4, &v), CS_VALUE_INVALID);
	ck_assert_int_eq(cs_money_parse("", 0, &v), CS_VALUE_EMPTY);
}
END_TEST

START_TEST(test_format)
{
	char buf[CS_MONEY_BUFSIZE];

	ck_assert_str_eq(cs_money_format(12800, buf), "128.00");
	ck_assert_str_eq(cs_money_format(128050, buf), "1280.50");
	ck_assert_str_eq(cs_money_format(-320, buf), "-3.20");
	ck_assert_str_eq(cs_money_format(5, buf), "0.05");
	ck_assert_str_eq(cs_money_format(-5, buf), "-0.05");
	ck_assert_str_eq(cs_money_format(0, buf), "0.00");
	ck_assert_str_eq(cs_money_format(INT64_MAX, buf), "92233720368547758.07");
	ck_assert_str_eq(cs_money_format(INT64_MIN, buf), "-92233720368547758.08");
	ck_assert_ptr_eq(cs_money_format(1, buf), buf);
}
END_TEST

/* What the tools write, the tools read back: small amounts one by one,
 * then a spread of large ones up to the biggest accepted. */
START_TEST(test_round_trip)
{
	char buf[CS_MONEY_BUFSIZE];
	const int64_t top = INT64_C(9223372036854775799);
	uint64_t x = 88172645463325252u;
	int64_t v, c;
	int rc;

	for (int i = 0; i < 4000; i++) {
		if (i < 2000)
			c = i - 1000;
		else {
			x ^= x << 13;	/* xorshift64 */
			x ^= x >> 7;
			x ^= x << 17;
			c = (int64_t)(x % (uint64_t)top) >> (i % 60);
			if (i % 2)
				c = -c;
		}
		cs_money_format(c, buf);
		rc = cs_money_parse(buf, strlen(buf), &v);
		ck_assert_msg(rc == 0, "%s: rc %d", buf, rc);
		ck_assert_msg(v == c, "%s read back as %lld", buf, (long long)v);
	}
	cs_money_format(top, buf);
	ck_assert_int_eq(cs_money_parse(buf, strlen(buf), &v), 0);
	ck_assert_int_eq(v, top);
}
END_TEST

static Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");

	tcase_add_test(tc, test_parse_table);
	tcase_add_test(tc, test_parse_uses_length);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-money", money_suite)
