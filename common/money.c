/*
 * Money parsing and formatting in integer cents.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "money.h"
#include "value.h"

static bool
skip(const char **p, const char *end, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(end - *p) >= n && strncasecmp(*p, word, n) == 0) {
		*p += n;
		return true;
	}
	return false;
}

static void
skip_spaces(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/*
 * Parse money into cents. Returns 0, CS_VALUE_EMPTY for an empty value, or
 * CS_VALUE_INVALID for anything that is not an amount (and on overflow).
 */
int
cs_money_parse(const char *s, size_t n, int64_t *cents)
{
	const char *p = s, *end = s + n;
	bool neg = false, digits = false;
	uint64_t units = 0;
	int frac = 0, nfrac = 0, round_digit = -1;

	skip_spaces(&p, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end || (end - p == 1 && *p == '-') ||
	    (end - p == 3 && memcmp(p, "\xE2\x80\x94", 3) == 0))
		return CS_VALUE_EMPTY;
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
		skip_spaces(&p, end);
	}
	if (p < end && (*p < '0' || *p > '9') &&
	    (skip(&p, end, "\xC2\xA5") || skip(&p, end, "\xEF\xBF\xA5") ||
	    skip(&p, end, "RMB") || skip(&p, end, "CNY")))
		skip_spaces(&p, end);
	if (!neg && p < end && *p == '-') {	/* ¥-3.20 */
		neg = true;
		p++;
	}
	/* Integer part, with commas in groups of three. */
	int group = -1;		/* digits since the last comma, -1 before any */
	while (p < end) {
		if (*p >= '0' && *p <= '9') {
			if (units > (UINT64_MAX - 9) / 10)
				return CS_VALUE_INVALID;
			units = units * 10 + (uint64_t)(*p - '0');
			digits = true;
			if (group >= 0)
				group++;
		} else if (*p == ',' && digits) {
			if (group >= 0 && group != 3)
				return CS_VALUE_INVALID;
			group = 0;
		} else
			break;
		p++;
	}
	if (group >= 0 && group != 3)
		return CS_VALUE_INVALID;
	if (p < end && *p == '.') {
		p++;
		while (p < end && *p >= '0' && *p <= '9') {
			if (nfrac < 2) {
				frac = frac * 10 + (*p - '0');
				nfrac++;
			} else if (round_digit < 0)
				round_digit = *p - '0';
			digits = true;
			p++;
		}
	}
	if (!digits)
		return CS_VALUE_INVALID;
	skip_spaces(&p, end);
	if (p < end)
		skip(&p, end, "\xE5\x85\x83");	/* 元 */
	if (p != end)
		return CS_VALUE_INVALID;
	while (nfrac < 2) {
		frac *= 10;
		nfrac++;
	}
	if (units > (uint64_t)INT64_MAX / 100 - 1)
		return CS_VALUE_INVALID;
	int64_t v = (int64_t)units * 100 + frac + (round_digit >= 5);
	*cents = neg ? -v : v;
	return 0;
}

/* Format cents as "-1234.50" into buf (CS_MONEY_BUFSIZE bytes); returns buf. */
char *
cs_money_format(int64_t cents, char *buf)
{
	uint64_t v = cents < 0 ? -(uint64_t)cents : (uint64_t)cents;
	char *p = buf;

	if (cents < 0)
		*p++ = '-';
	p = cs_fmt_digits(p, v / 100, 1);
	*p++ = '.';
	p = cs_fmt_digits(p, v % 100, 2);
	*p = '\0';
	return buf;
}
