/*
 * Typed values: yes/no words, order statuses of every platform, ids,
 * integers, decimals and durations, as exports write them.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>

#include "ck.h"
#include "value.h"

#define LEN(s)	(sizeof(s) - 1)

struct yn_case {
	const char	*in;
	int		 rc;
	bool		 v;
};

static const struct yn_case yn_cases[] = {
	{ "\xE6\x98\xAF", 0, true },			/* 是 */
	{ "\xE5\x90\xA6", 0, false },			/* 否 */
	{ "Y", 0, true }, { "y", 0, true }, { "N", 0, false }, { "n", 0, false },
	{ "yes", 0, true }, { "YES", 0, true }, { "Yes", 0, true },
	{ "no", 0, false }, { "NO", 0, false },
	{ "true", 0, true }, { "TRUE", 0, true }, { "false", 0, false },
	{ "t", 0, true }, { "f", 0, false },
	{ "1", 0, true }, { "0", 0, false },
	{ "\xE6\x9C\x89", 0, true },			/* 有 */
	{ "\xE6\x97\xA0", 0, false },			/* 无 */
	{ "\xE6\xB2\xA1\xE6\x9C\x89", 0, false },	/* 没有 */
	{ "\xE2\x88\x9A", 0, true },			/* √ */
	{ "\xE2\x9C\x93", 0, true },			/* ✓ */
	{ "\xC3\x97", 0, false },			/* × */
	{ "\xE2\x9C\x97", 0, false },			/* ✗ */
	{ "\xE5\xB7\xB2\xE4\xB8\x8B\xE5\x8D\x95", 0, true },	/* 已下单 */
	{ "\xE6\x9C\xAA\xE4\xB8\x8B\xE5\x8D\x95", 0, false },	/* 未下单 */
	{ "\xE5\xB7\xB2\xE4\xBB\x98\xE6\xAC\xBE", 0, true },	/* 已付款 */
	{ "\xE6\x9C\xAA\xE4\xBB\x98\xE6\xAC\xBE", 0, false },	/* 未付款 */
	{ "\xE5\xB7\xB2\xE6\x94\xAF\xE4\xBB\x98", 0, true },	/* 已支付 */
	{ "\xE6\x9C\xAA\xE6\x94\xAF\xE4\xBB\x98", 0, false },	/* 未支付 */
	{ "\xE5\xB7\xB2\xE6\x88\x90\xE4\xBA\xA4", 0, true },	/* 已成交 */
	{ "\xE6\x9C\xAA\xE6\x88\x90\xE4\xBA\xA4", 0, false },	/* 未成交 */
	{ "\xE6\x88\x90\xE4\xBA\xA4", 0, true },		/* 成交 */
	{ " \xE6\x98\xAF\t", 0, true },
	{ "", CS_VALUE_EMPTY, false },
	{ " \t ", CS_VALUE_EMPTY, false },
	{ "maybe", CS_VALUE_INVALID, false },
	{ "2", CS_VALUE_INVALID, false },
	{ "yess", CS_VALUE_INVALID, false },
	{ "\xE6\x98\xAF\xE7\x9A\x84", CS_VALUE_INVALID, false },	/* 是的 */
	{ "-", CS_VALUE_INVALID, false },
};

START_TEST(test_yesno)
{
	for (size_t i = 0; i < sizeof yn_cases / sizeof yn_cases[0]; i++) {
		const struct yn_case *c = &yn_cases[i];
		bool v = !c->v;
		int rc = cs_yesno_parse(c->in, strlen(c->in), &v);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc == 0)
			ck_assert_msg(v == c->v, "\"%s\": %d", c->in, v);
	}
}
END_TEST

struct st_case {
	const char	*in;
	int		 rc;
	enum cs_status	 st;
};

#define UNPAID	CS_STATUS_UNPAID
#define PAID	CS_STATUS_PAID
#define CLOSED	CS_STATUS_CLOSED

/* research/domain.md §1.5 (Taobao/Tmall), §1.6 (JD), §1.7 (Pinduoduo). */
static const struct st_case st_cases[] = {
	/* Taobao export texts. */
	{ "没有创建支付宝交易", 0, UNPAID },
	{ "等待买家付款", 0, UNPAID },
	{ "等待买家确认货到付款订单信息", 0, UNPAID },	/* COD: WAIT_BUYER_PAY */
	{ "买家已付款，等待卖家发货", 0, PAID },	/* full-width comma */
	{ "买家已付款,等待卖家发货", 0, PAID },		/* ASCII comma */
	{ "买家已确认，等待卖家发货", 0, PAID },
	{ "买家已确认,等待卖家发货", 0, PAID },
	{ "卖家已发货，等待买家确认", 0, PAID },
	{ "卖家已发货,等待买家确认", 0, PAID },
	{ "卖家已发货，等待买家确认收货并付款", 0, PAID },
	{ "买家已签收", 0, PAID },
	{ "买家已签收，回款至卖家", 0, PAID },
	{ "交易成功", 0, PAID },
	{ "交易关闭", 0, CLOSED },
	{ "交易被淘宝关闭", 0, CLOSED },
	{ "已收货", 0, PAID },
	{ "已签收", 0, PAID },
	{ "交易完成", 0, PAID },
	{ "待评价", 0, PAID },
	{ "已结算", 0, PAID },
	/* Presale stages (分阶段信息). */
	{ "交易状态等待买家付款", 0, UNPAID },
	{ "定金已付尾款未付", 0, UNPAID },
	{ "定金未付尾款未付", 0, UNPAID },
	/* Taobao API codes. */
	{ "TRADE_NO_CREATE_PAY", 0, UNPAID },
	{ "WAIT_BUYER_PAY", 0, UNPAID },
	{ "WAIT_SELLER_SEND_GOODS", 0, PAID },
	{ "SELLER_CONSIGNED_PART", 0, PAID },
	{ "WAIT_BUYER_CONFIRM_GOODS", 0, PAID },
	{ "TRADE_BUYER_SIGNED", 0, PAID },
	{ "TRADE_FINISHED", 0, PAID },
	{ "TRADE_CLOSED", 0, CLOSED },
	{ "TRADE_CLOSED_BY_TAOBAO", 0, CLOSED },
	{ "PAID_FORBID_CONSIGN", 0, PAID },
	{ "wait_buyer_pay", 0, UNPAID },
	/* JD texts, with the (删除) prefix, and API codes. */
	{ "等待出库", 0, PAID },
	{ "(删除)等待出库", 0, PAID },
	{ "（删除）等待出库", 0, PAID },
	{ "等待确认收货", 0, PAID },
	{ "(删除)等待确认收货", 0, PAID },
	{ "完成", 0, PAID },
	{ "(删除)完成", 0, PAID },
	{ "取消", 0, CLOSED },
	{ "(删除)取消", 0, CLOSED },
	{ "WAIT_SELLER_STOCK_OUT", 0, PAID },
	{ "WAIT_GOODS_RECEIVE_CONFIRM", 0, PAID },
	{ "FINISHED_L", 0, PAID },
	{ "TRADE_CANCELED", 0, CLOSED },
	/* Pinduoduo. */
	{ "待支付", 0, UNPAID },
	{ "待发货", 0, PAID },
	{ "已发货，待签收", 0, PAID },
	{ "已发货,待签收", 0, PAID },
	{ "未发货，退款成功", 0, CLOSED },
	{ "已发货，退款成功", 0, CLOSED },
	{ "已发货,退款成功", 0, CLOSED },
	{ "已取消", 0, CLOSED },
	/* Other shops' words. */
	{ "待付款", 0, UNPAID },
	{ "未付款", 0, UNPAID },
	{ "已付款", 0, PAID },
	{ "已完成", 0, PAID },
	{ "已关闭", 0, CLOSED },
	/* The logical names (one tool's output is the next one's input). */
	{ "unpaid", 0, UNPAID },
	{ "paid", 0, PAID },
	{ "closed", 0, CLOSED },
	{ "PAID", 0, PAID },
	{ " 交易成功 ", 0, PAID },
	/* Empty and unknown. */
	{ "", CS_VALUE_EMPTY, 0 },
	{ "  ", CS_VALUE_EMPTY, 0 },
	{ "xyz", CS_VALUE_INVALID, 0 },
	{ "12345", CS_VALUE_INVALID, 0 },
};

START_TEST(test_trim)
{
	static const struct {
		const char *in, *out;
	} c[] = {
		{ "", "" }, { " ", "" }, { " \t ", "" }, { "a", "a" },
		{ " a", "a" }, { "a\t", "a" }, { "\t a b \t", "a b" },
		{ "\na\r", "\na\r" },	/* only spaces and tabs go */
	};

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		const char *s = c[i].in;
		size_t n = strlen(s);
		cs_trim(&s, &n);
		ck_assert_uint_eq(n, strlen(c[i].out));
		ck_assert(memcmp(s, c[i].out, n) == 0);
		ck_assert(s >= c[i].in && s + n <= c[i].in + strlen(c[i].in));
	}
}
END_TEST

START_TEST(test_skip_lit)
{
	const char *s = "12时30", *p = s + 2, *end = s + strlen(s);

	ck_assert(!cs_skip_lit(&p, end, "点"));
	ck_assert_ptr_eq(p, s + 2);
	ck_assert(cs_skip_lit(&p, end, "时"));
	ck_assert_ptr_eq(p, s + 5);
	ck_assert(cs_skip_lit(&p, end, "30"));
	ck_assert_ptr_eq(p, end);
	ck_assert(!cs_skip_lit(&p, end, "0"));	/* nothing left */
	ck_assert(cs_skip_lit(&p, end, ""));
	p = s;
	ck_assert(!cs_skip_lit(&p, s + 1, "12"));	/* cut by end */
	ck_assert_ptr_eq(p, s);
}
END_TEST

START_TEST(test_status)
{
	for (size_t i = 0; i < sizeof st_cases / sizeof st_cases[0]; i++) {
		const struct st_case *c = &st_cases[i];
		enum cs_status st = CS_STATUS_UNKNOWN;
		int rc = cs_status_parse(c->in, strlen(c->in), &st);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc == 0)
			ck_assert_msg(st == c->st, "\"%s\": %s, expected %s", c->in,
			    cs_status_name(st), cs_status_name(c->st));
	}
}
END_TEST

START_TEST(test_status_name)
{
	ck_assert_str_eq(cs_status_name(CS_STATUS_UNPAID), "unpaid");
	ck_assert_str_eq(cs_status_name(CS_STATUS_PAID), "paid");
	ck_assert_str_eq(cs_status_name(CS_STATUS_CLOSED), "closed");
	ck_assert_str_eq(cs_status_name(CS_STATUS_UNKNOWN), "");
}
END_TEST

START_TEST(test_id_check)
{
	/* Excel's scientific notation: the digits are gone. */
	ck_assert_int_eq(cs_id_check("5.12E+18", 8), CS_ID_SCIENTIFIC);
	ck_assert_int_eq(cs_id_check("5.12e+18", 8), CS_ID_SCIENTIFIC);
	ck_assert_int_eq(cs_id_check("5.12E18", 7), CS_ID_SCIENTIFIC);
	ck_assert_int_eq(cs_id_check("2.54781E+15", 11), CS_ID_SCIENTIFIC);
	ck_assert_int_eq(cs_id_check("5E+18", 5), CS_ID_SCIENTIFIC);
	ck_assert_int_eq(cs_id_check(" 5.12E+18 ", 10), CS_ID_SCIENTIFIC);
	/* Real ids, kept as strings. */
	ck_assert_int_eq(cs_id_check("2547812345678901", 16), 0);
	ck_assert_int_eq(cs_id_check("5121910154426014049", 19), 0);
	ck_assert_int_eq(cs_id_check("00123", 5), 0);
	ck_assert_int_eq(cs_id_check("13800138000", 11), 0);
	ck_assert_int_eq(cs_id_check("+8613800138000", 14), 0);
	ck_assert_int_eq(cs_id_check("tb123456", 8), 0);
	ck_assert_int_eq(cs_id_check("E+18", 4), 0);
	ck_assert_int_eq(cs_id_check("5.12", 4), 0);
	ck_assert_int_eq(cs_id_check("5.12E+", 6), 0);
	ck_assert_int_eq(cs_id_check("5.12E+18x", 9), 0);
	ck_assert_int_eq(cs_id_check("12-34", 5), 0);
	/* ="..." is unwrapped by the reader, before any id check. */
	ck_assert_int_eq(cs_id_check("=\"2547812345678901\"", 19), 0);
	ck_assert_int_eq(cs_id_check("", 0), CS_VALUE_EMPTY);
	ck_assert_int_eq(cs_id_check(" \t", 2), CS_VALUE_EMPTY);
	/* The length is what counts. */
	ck_assert_int_eq(cs_id_check("5.12E+18", 4), 0);
}
END_TEST

struct int_case {
	const char	*in;
	int		 rc;
	int64_t		 v;
};

static const struct int_case int_cases[] = {
	{ "0", 0, 0 }, { "42", 0, 42 }, { "-42", 0, -42 }, { "+42", 0, 42 },
	{ "007", 0, 7 }, { " 12 ", 0, 12 }, { "\t12\t", 0, 12 },
	{ "1,234", 0, 1234 }, { "1,234,567", 0, 1234567 },
	{ "-1,234", 0, -1234 }, { "123,456", 0, 123456 },
	{ "12,34", CS_VALUE_INVALID, 0 }, { "1,2345", CS_VALUE_INVALID, 0 },
	{ "1,23,456", CS_VALUE_INVALID, 0 }, { ",123", CS_VALUE_INVALID, 0 },
	{ "123,", CS_VALUE_INVALID, 0 }, { "1,,234", CS_VALUE_INVALID, 0 },
	{ "1.5", CS_VALUE_INVALID, 0 }, { "1e3", CS_VALUE_INVALID, 0 },
	{ "12a", CS_VALUE_INVALID, 0 }, { "a12", CS_VALUE_INVALID, 0 },
	{ "1 2", CS_VALUE_INVALID, 0 }, { "-", CS_VALUE_INVALID, 0 },
	{ "+", CS_VALUE_INVALID, 0 }, { "--1", CS_VALUE_INVALID, 0 },
	{ "", CS_VALUE_EMPTY, 0 }, { "  ", CS_VALUE_EMPTY, 0 },
	/* The whole int64 range, and not one more. */
	{ "9223372036854775807", 0, INT64_MAX },
	{ "9,223,372,036,854,775,807", 0, INT64_MAX },
	{ "-9223372036854775807", 0, -INT64_MAX },
	{ "-9223372036854775808", 0, INT64_MIN },
	{ "-0", 0, 0 },
	{ "9223372036854775808", CS_VALUE_INVALID, 0 },
	{ "-9223372036854775809", CS_VALUE_INVALID, 0 },
	{ "18446744073709551616", CS_VALUE_INVALID, 0 },
	{ "99999999999999999999999", CS_VALUE_INVALID, 0 },
};

START_TEST(test_int)
{
	for (size_t i = 0; i < sizeof int_cases / sizeof int_cases[0]; i++) {
		const struct int_case *c = &int_cases[i];
		int64_t v = 777;
		int rc = cs_int_parse(c->in, strlen(c->in), &v);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc == 0)
			ck_assert_msg(v == c->v, "\"%s\": %lld", c->in, (long long)v);
		else
			ck_assert_msg(v == 777, "\"%s\": value stored", c->in);
	}
}
END_TEST

struct dec_case {
	const char	*in;
	int		 rc;
	double		 v;
};

static const struct dec_case dec_cases[] = {
	{ "12.5", 0, 12.5 }, { "-0.5", 0, -0.5 }, { "+2", 0, 2 }, { "0", 0, 0 },
	{ ".5", 0, 0.5 }, { "5.", 0, 5 }, { " 3.25 ", 0, 3.25 },
	{ "1e3", 0, 1000 }, { "1E-2", 0, 0.01 }, { "2.5e+1", 0, 25 },
	{ "12.5%", 0, 0.125 }, { "100%", 0, 1 }, { "-50%", 0, -0.5 },
	{ "0.5%", 0, 0.005 }, { " 25% ", 0, 0.25 },
	{ "", CS_VALUE_EMPTY, 0 }, { "  ", CS_VALUE_EMPTY, 0 },
	{ "%", CS_VALUE_INVALID, 0 }, { ".", CS_VALUE_INVALID, 0 },
	{ "-", CS_VALUE_INVALID, 0 }, { "abc", CS_VALUE_INVALID, 0 },
	{ "1.2.3", CS_VALUE_INVALID, 0 }, { "1,5", CS_VALUE_INVALID, 0 },
	{ "1,000.5", CS_VALUE_INVALID, 0 }, { "nan", CS_VALUE_INVALID, 0 },
	{ "inf", CS_VALUE_INVALID, 0 }, { "infinity", CS_VALUE_INVALID, 0 },
	{ "0x10", CS_VALUE_INVALID, 0 }, { "1e", CS_VALUE_INVALID, 0 },
	{ "e5", CS_VALUE_INVALID, 0 }, { "1e+", CS_VALUE_INVALID, 0 },
	{ "5%%", CS_VALUE_INVALID, 0 }, { "%5", CS_VALUE_INVALID, 0 },
	{ "50 %", CS_VALUE_INVALID, 0 }, { "1 000", CS_VALUE_INVALID, 0 },
	{ "12.5\xE5\x85\x83", CS_VALUE_INVALID, 0 },
	/* 64 characters and more do not fit the checked copy. */
	{ "0.000000000000000000000000000000000000000000000000000000000000001",
	    CS_VALUE_INVALID, 0 },
};

START_TEST(test_decimal)
{
	for (size_t i = 0; i < sizeof dec_cases / sizeof dec_cases[0]; i++) {
		const struct dec_case *c = &dec_cases[i];
		double v = 777;
		int rc = cs_decimal_parse(c->in, strlen(c->in), &v);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc == 0)
			ck_assert_msg(v == c->v, "\"%s\": %.17g, expected %.17g",
			    c->in, v, c->v);
		else
			ck_assert_msg(v == 777, "\"%s\": value stored", c->in);
	}
}
END_TEST

/* The decimal point is '.' whatever the locale says. */
START_TEST(test_decimal_locale)
{
	double v;

	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL &&
	    setlocale(LC_ALL, "fr_FR.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	ck_assert_int_eq(cs_decimal_parse("12.5", 4, &v), 0);
	ck_assert(v == 12.5);
	ck_assert_int_eq(cs_decimal_parse("12,5", 4, &v), CS_VALUE_INVALID);
}
END_TEST

struct dur_case {
	const char	*in;
	int		 rc;
	int64_t		 ms;
};

static const struct dur_case dur_cases[] = {
	/* Plain seconds. */
	{ "95", 0, 95000 }, { "12.5", 0, 12500 }, { "0", 0, 0 },
	{ "0.001", 0, 1 }, { "1.2345", 0, 1234 }, { " 30 ", 0, 30000 },
	{ ".5", 0, 500 },
	/* Units, Chinese and short. */
	{ "1分20秒", 0, 80000 }, { "1分钟", 0, 60000 }, { "2小时3分", 0, 7380000 },
	{ "20秒", 0, 20000 }, { "20秒钟", 0, 20000 }, { "1小时", 0, 3600000 },
	{ "1时5分", 0, 3900000 }, { "1 分 20 秒", 0, 80000 },
	{ "1.5分", 0, 90000 }, { "2小时3分4秒", 0, 7384000 },
	{ "1m20s", 0, 80000 }, { "80s", 0, 80000 }, { "1min", 0, 60000 },
	{ "2h", 0, 7200000 }, { "1h1m1s", 0, 3661000 }, { "1M20S", 0, 80000 },
	{ "1m 20s", 0, 80000 },
	/* Clocks: minutes and seconds, or hours too. */
	{ "1:20", 0, 80000 }, { "0:01:20", 0, 80000 }, { "1:02:03", 0, 3723000 },
	{ "00:00", 0, 0 }, { "1:20.5", 0, 80500 }, { "10:00", 0, 600000 },
	/* Not durations. */
	{ "", CS_VALUE_EMPTY, 0 }, { "  ", CS_VALUE_EMPTY, 0 },
	{ "abc", CS_VALUE_INVALID, 0 }, { "-5", CS_VALUE_INVALID, 0 },
	{ "5x", CS_VALUE_INVALID, 0 }, { "1.5:20", CS_VALUE_INVALID, 0 },
	{ "1:2:3:4", CS_VALUE_INVALID, 0 }, { ":20", CS_VALUE_INVALID, 0 },
	{ "1:", CS_VALUE_INVALID, 0 }, { "1::2", CS_VALUE_INVALID, 0 },
	{ "分", CS_VALUE_INVALID, 0 }, { "1分秒", CS_VALUE_INVALID, 0 },
	{ "1.2.3", CS_VALUE_INVALID, 0 }, { "1 2", CS_VALUE_INVALID, 0 },
	/* Too long for int64 milliseconds: invalid, never wrapped. */
	{ "9223372036854775", 0, INT64_C(9223372036854775000) },
	{ "9223372036854776", CS_VALUE_INVALID, 0 },
	{ "9223372036854779", CS_VALUE_INVALID, 0 },
	{ "99999999999999999999", CS_VALUE_INVALID, 0 },
	{ "922337203685477小时", CS_VALUE_INVALID, 0 },
	{ "2562047788015小时", 0, INT64_C(9223372036854000000) },
	{ "2562047788016小时", CS_VALUE_INVALID, 0 },
	{ "9223372036854775.807", 0, INT64_MAX },
	{ "9223372036854775.808", CS_VALUE_INVALID, 0 },
	{ "2562047788015分", 0, INT64_C(153722867280900000) },
	{ "9223372036854775s1s", CS_VALUE_INVALID, 0 },
	{ "922337203685477:00:00", CS_VALUE_INVALID, 0 },
	{ "153722867280912:55", 0, INT64_C(9223372036854775000) },
	{ "153722867280912:56", CS_VALUE_INVALID, 0 },
	{ "2562047788:00:00", 0, INT64_C(9223372036800000) },
};

START_TEST(test_duration)
{
	for (size_t i = 0; i < sizeof dur_cases / sizeof dur_cases[0]; i++) {
		const struct dur_case *c = &dur_cases[i];
		int64_t ms = 777;
		int rc = cs_duration_parse(c->in, strlen(c->in), &ms);

		ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->in,
		    rc, c->rc);
		if (rc == 0)
			ck_assert_msg(ms == c->ms, "\"%s\": %lld ms, expected %lld",
			    c->in, (long long)ms, (long long)c->ms);
	}
}
END_TEST

START_TEST(test_contains)
{
	ck_assert(cs_contains("TRADE_CLOSED_BY_TAOBAO", 22, "trade_closed"));
	ck_assert(cs_contains("abc", 3, "abc"));
	ck_assert(cs_contains("abc", 3, "c"));
	ck_assert(cs_contains("abc", 3, ""));
	ck_assert(!cs_contains("abc", 3, "abcd"));
	ck_assert(!cs_contains("abc", 2, "c"));
	ck_assert(!cs_contains("", 0, "a"));
	ck_assert(cs_contains("买家已付款", LEN("买家已付款"), "已付款"));
}
END_TEST

static Suite *
value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc = tcase_create("value");

	tcase_add_test(tc, test_yesno);
	tcase_add_test(tc, test_trim);
	tcase_add_test(tc, test_skip_lit);
	tcase_add_test(tc, test_status);
	tcase_add_test(tc, test_status_name);
	tcase_add_test(tc, test_id_check);
	tcase_add_test(tc, test_int);
	tcase_add_test(tc, test_decimal);
	tcase_add_test(tc, test_decimal_locale);
	tcase_add_test(tc, test_duration);
	tcase_add_test(tc, test_contains);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-value", value_suite)
