/*
 * Value parsers: yes/no, order status, ids, integers, decimals, durations.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "value.h"

/* Narrow s[0..n) to drop spaces and tabs at both ends. The parsers below
 * use it inline: a value the reader cleaned already passes two tests. */
static inline void
trim(const char **s, size_t *n)
{
	if (*n > 0 && (unsigned char)**s > ' ' &&
	    (unsigned char)(*s)[*n - 1] > ' ')
		return;
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

void
cs_trim(const char **s, size_t *n)
{
	trim(s, n);
}

static bool
equals(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* If the text at *p (before end) starts with s, step past it. */
bool
cs_skip_lit(const char **p, const char *end, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(end - *p) >= n && memcmp(*p, s, n) == 0) {
		*p += n;
		return true;
	}
	return false;
}

/* Whether s[0..n) contains word (ASCII letters compared without case). */
bool
cs_contains(const char *s, size_t n, const char *word)
{
	size_t m = strlen(word);

	for (size_t i = 0; m <= n && i <= n - m; i++)
		if (strncasecmp(s + i, word, m) == 0)
			return true;
	return false;
}

/*
 * Parse yes/no: 是 Y yes true 1 已… 有 √ ✓ are yes; 否 N no false 0 未…
 * 无 没有 × ✗ are no.
 */
int
cs_yesno_parse(const char *s, size_t n, bool *v)
{
	static const char *const yes[] = { "是", "y", "yes", "true", "1", "有",
		"√", "✓", "已下单", "已付款", "已支付", "已成交", "成交", "t", NULL };
	static const char *const no[] = { "否", "n", "no", "false", "0", "无",
		"没有", "×", "✗", "未下单", "未付款", "未支付", "未成交", "f", NULL };

	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	/* Almost every export writes 是 or 否: answer those at once. */
	if (n == 3 && memcmp(s, "是", 3) == 0) {
		*v = true;
		return 0;
	}
	if (n == 3 && memcmp(s, "否", 3) == 0) {
		*v = false;
		return 0;
	}
	for (size_t i = 0; yes[i] != NULL; i++)
		if (equals(s, n, yes[i])) {
			*v = true;
			return 0;
		}
	for (size_t i = 0; no[i] != NULL; i++)
		if (equals(s, n, no[i])) {
			*v = false;
			return 0;
		}
	return CS_VALUE_INVALID;
}

/*
 * Order status texts and API codes of Taobao/Tmall, JD and Pinduoduo
 * (shared/research/domain.md §1.5-1.7). Checked in this order: closed
 * first (退款成功 closes a paid order), then unpaid, then paid. Text is
 * matched by substring, so "(删除)等待出库" and "买家已付款，等待卖家发货"
 * with either comma are found.
 */
static const char *const closed_words[] = { "交易关闭", "已关闭", "TRADE_CLOSED",
	"已取消", "取消", "TRADE_CANCELED", "退款成功", "关闭", NULL };
static const char *const unpaid_words[] = { "等待买家付款", "待付款", "待支付",
	"未付款", "等待付款", "WAIT_BUYER_PAY", "TRADE_NO_CREATE_PAY",
	"没有创建支付宝交易", "尾款未付", "定金未付", "待买家付款",
	/* Cash on delivery not yet confirmed (WAIT_BUYER_PAY), which the
	 * paid word 等待买家确认 would take otherwise. */
	"等待买家确认货到付款", NULL };
static const char *const paid_words[] = { "已付款", "等待卖家发货", "待发货",
	"已发货", "等待买家确认", "交易成功", "已签收", "已收货", "交易完成",
	"已完成", "待评价", "已结算", "待签收", "待收货", "等待出库", "等待确认收货",
	"完成", "WAIT_SELLER_SEND_GOODS", "WAIT_BUYER_CONFIRM_GOODS",
	"TRADE_FINISHED", "TRADE_BUYER_SIGNED", "SELLER_CONSIGNED_PART",
	"PAID_FORBID_CONSIGN", "WAIT_SELLER_STOCK_OUT",
	"WAIT_GOODS_RECEIVE_CONFIRM", "FINISHED_L", NULL };

static bool
any(const char *s, size_t n, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++)
		if (cs_contains(s, n, words[i]))
			return true;
	return false;
}

/* Parse an order status into unpaid, paid or closed. */
int
cs_status_parse(const char *s, size_t n, enum cs_status *st)
{
	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	if (equals(s, n, "unpaid"))
		*st = CS_STATUS_UNPAID;
	else if (equals(s, n, "paid"))
		*st = CS_STATUS_PAID;
	else if (equals(s, n, "closed"))
		*st = CS_STATUS_CLOSED;
	else if (any(s, n, closed_words))
		*st = CS_STATUS_CLOSED;
	else if (any(s, n, unpaid_words))
		*st = CS_STATUS_UNPAID;
	else if (any(s, n, paid_words))
		*st = CS_STATUS_PAID;
	else
		return CS_VALUE_INVALID;
	return 0;
}

/* The logical name of a status: unpaid, paid, closed, or "". */
const char *
cs_status_name(enum cs_status st)
{
	switch (st) {
	case CS_STATUS_UNPAID:
		return "unpaid";
	case CS_STATUS_PAID:
		return "paid";
	case CS_STATUS_CLOSED:
		return "closed";
	case CS_STATUS_UNKNOWN:
		break;
	}
	return "";
}

/*
 * Check an id (order id, phone): CS_VALUE_EMPTY when empty,
 * CS_ID_SCIENTIFIC when an Excel round-trip has turned it into a number in
 * scientific notation (5.12E+18: the digits are gone), else 0. Ids are kept
 * as strings: never parsed as numbers.
 */
int
cs_id_check(const char *s, size_t n)
{
	size_t i = 0;

	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0)
		return 0;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < n && (s[i] == 'E' || s[i] == 'e')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t e = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i > e && i == n)
			return CS_ID_SCIENTIFIC;
	}
	return 0;
}

/* Parse a whole number: optional sign, digits, commas in groups of three. */
int
cs_int_parse(const char *s, size_t n, int64_t *v)
{
	size_t i = 0;
	bool neg = false;
	uint64_t x = 0, limit;
	int group = -1, nd = 0;

	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i++;
	}
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			uint64_t d = (uint64_t)(s[i] - '0');
			if (x > (limit - d) / 10)
				return CS_VALUE_INVALID;
			x = x * 10 + d;
			nd++;
			if (group >= 0)
				group++;
		} else if (s[i] == ',' && nd > 0 && (group < 0 || group == 3))
			group = 0;
		else
			return CS_VALUE_INVALID;
	}
	if (nd == 0 || (group >= 0 && group != 3))
		return CS_VALUE_INVALID;
	/* -(x - 1) - 1: x may be 2^63, which no int64 holds. */
	*v = neg && x > 0 ? -(int64_t)(x - 1) - 1 : (int64_t)x;
	return 0;
}

/*
 * Parse a decimal number: optional sign, digits with at most one '.', an
 * optional exponent, and an optional '%' (which divides by 100). Only this
 * grammar is accepted; strtod is called on a checked copy, and the program
 * never sets LC_NUMERIC, so '.' is always the decimal point.
 */
int
cs_decimal_parse(const char *s, size_t n, double *v)
{
	char buf[64];
	size_t i = 0, nd = 0;
	bool percent = false;

	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	if (s[n - 1] == '%') {
		percent = true;
		n--;
	}
	if (n == 0 || n >= sizeof buf)
		return CS_VALUE_INVALID;
	if (s[i] == '-' || s[i] == '+')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		nd++;
	}
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			i++;
			nd++;
		}
	}
	if (nd == 0)
		return CS_VALUE_INVALID;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e;
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		for (e = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			continue;
		if (i == e)
			return CS_VALUE_INVALID;
	}
	if (i != n)
		return CS_VALUE_INVALID;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*v = strtod(buf, NULL);
	if (percent)
		*v /= 100;
	return 0;
}

/* Read a decimal number of seconds-like units at *p as thousandths. */
static bool
number_milli(const char **p, const char *end, int64_t *milli)
{
	int64_t whole = 0, frac = 0;
	int nfrac = 0, nd = 0;

	while (*p < end && **p >= '0' && **p <= '9') {
		if (whole > INT64_MAX / 10000)
			return false;
		whole = whole * 10 + (**p - '0');
		(*p)++;
		nd++;
	}
	if (*p < end && **p == '.') {
		(*p)++;
		while (*p < end && **p >= '0' && **p <= '9') {
			if (nfrac < 3) {
				frac = frac * 10 + (**p - '0');
				nfrac++;
			}
			(*p)++;
			nd++;
		}
	}
	if (nd == 0)
		return false;
	while (nfrac < 3) {
		frac *= 10;
		nfrac++;
	}
	if (whole > (INT64_MAX - frac) / 1000)
		return false;
	*milli = whole * 1000 + frac;
	return true;
}

/* The unit at *p, in seconds, stepping past it; 0 when there is none.
 * Longer words first (小时 before 时); ASCII letters in either case. */
static int
unit_at(const char **p, const char *end)
{
#define UNIT(w, sec)	{ w, sizeof w - 1, sec }
	static const struct {
		const char	*word;
		size_t		 len;
		int		 seconds;
	} units[] = {
		UNIT("小时", 3600), UNIT("时", 3600), UNIT("分钟", 60),
		UNIT("分", 60), UNIT("秒钟", 1), UNIT("秒", 1), UNIT("h", 3600),
		UNIT("min", 60), UNIT("m", 60), UNIT("s", 1),
	};
#undef UNIT
	size_t left = (size_t)(end - *p);

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t k = 0, len = units[i].len;
		if (left < len)
			continue;
		while (k < len && ((*p)[k] | ((*p)[k] >= 'A' &&
		    (*p)[k] <= 'Z' ? 0x20 : 0)) == units[i].word[k])
			k++;
		if (k == len) {
			*p += len;
			return units[i].seconds;
		}
	}
	return 0;
}

/*
 * Parse a duration into milliseconds: plain seconds (95, 12.5), units
 * (1分20秒, 1分钟, 2小时3分, 1m20s, 80s) or a clock (1:20 is minutes and
 * seconds, 0:01:20 hours too).
 */
int
cs_duration_parse(const char *s, size_t n, int64_t *ms)
{
	const char *p, *end;
	int64_t total = 0, part;

	trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	p = s;
	end = s + n;
	if (!number_milli(&p, end, &part))
		return CS_VALUE_INVALID;
	if (p == end) {		/* seconds, as most exports write them */
		*ms = part;
		return 0;
	}
	if (*p == ':') {
		int64_t fields[3] = { part };
		int nf = 1;
		while (nf < 3 && p < end && *p == ':') {
			p++;
			if (!number_milli(&p, end, &fields[nf++]))
				return CS_VALUE_INVALID;
		}
		if (p != end)
			return CS_VALUE_INVALID;
		for (int i = 0; i < nf - 1; i++)
			if (fields[i] % 1000 != 0)	/* 1.5:20 */
				return CS_VALUE_INVALID;
		for (int i = 0; i < nf; i++) {
			if (total > (INT64_MAX - fields[i]) / 60)
				return CS_VALUE_INVALID;
			total = total * 60 + fields[i];
		}
		*ms = total;
		return 0;
	}
	for (;;) {
		while (p < end && *p == ' ')
			p++;
		int unit = unit_at(&p, end);
		if (unit == 0 || part > (INT64_MAX - total) / unit)
			return CS_VALUE_INVALID;
		total += part * unit;
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		if (!number_milli(&p, end, &part))
			return CS_VALUE_INVALID;
	}
	*ms = total;
	return 0;
}
