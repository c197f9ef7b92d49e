/*
 * Ratings: words, stars and numbers to good, neutral or bad.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "rating.h"
#include "value.h"

#define W(s, r)	{ s, sizeof(s) - 1, r }
static const struct {
	const char	*word;
	size_t		 len;
	enum rv_rating	 rating;
} words[] = {
	W("好评", RV_RATING_GOOD), W("中评", RV_RATING_NEUTRAL),
	W("差评", RV_RATING_BAD), W("好", RV_RATING_GOOD),
	W("中", RV_RATING_NEUTRAL), W("差", RV_RATING_BAD),
	W("good", RV_RATING_GOOD), W("neutral", RV_RATING_NEUTRAL),
	W("bad", RV_RATING_BAD), W("positive", RV_RATING_GOOD),
	W("negative", RV_RATING_BAD),
};
#undef W

static const char *const numerals[] = { "一", "二", "三", "四", "五" };

static enum rv_rating
of_stars(int n)
{
	return n >= 4 ? RV_RATING_GOOD : n == 3 ? RV_RATING_NEUTRAL :
	    RV_RATING_BAD;
}

static size_t
suffix(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);

	return n > m && memcmp(s + n - m, suf, m) == 0 ? m : 0;
}

/*
 * Parse a rating. Returns 0, CS_VALUE_EMPTY for an empty value, or
 * CS_VALUE_INVALID.
 */
int
rv_rating_parse(const char *s, size_t n, enum rv_rating *r)
{
	size_t m;
	int stars = 0;

	cs_trim(&s, &n);
	if (n == 0) {
		*r = RV_RATING_NONE;
		return CS_VALUE_EMPTY;
	}
	/* The usual export: one digit, 1-5 stars. */
	if (n == 1 && s[0] >= '1' && s[0] <= '5') {
		*r = of_stars(s[0] - '0');
		return 0;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (words[i].len == n &&
		    strncasecmp(words[i].word, s, n) == 0) {
			*r = words[i].rating;
			return 0;
		}
	}
	/* ★★★★★ (three bytes a star), possibly with ☆ for the empty ones. */
	if (n % 3 == 0) {
		size_t i;
		for (i = 0; i < n; i += 3) {
			if (memcmp(s + i, "★", 3) == 0)
				stars++;
			else if (memcmp(s + i, "☆", 3) != 0)
				break;
		}
		if (i == n && stars >= 1 && stars <= 5) {
			*r = of_stars(stars);
			return 0;
		}
		stars = 0;
	}
	if ((m = suffix(s, n, "星")) != 0 || (m = suffix(s, n, "分")) != 0)
		n -= m;
	for (int i = 0; i < 5; i++) {
		if (strlen(numerals[i]) == n && memcmp(numerals[i], s, n) == 0) {
			*r = of_stars(i + 1);
			return 0;
		}
	}
	/* 1-5, or 1.0-5.0 with zeros after the point. */
	if (n >= 1 && s[0] >= '1' && s[0] <= '5') {
		size_t i = 1;
		if (i < n && s[i] == '.') {
			i++;
			if (i == n)
				return CS_VALUE_INVALID;
			while (i < n && s[i] == '0')
				i++;
		}
		if (i == n) {
			*r = of_stars(s[0] - '0');
			return 0;
		}
	}
	return CS_VALUE_INVALID;
}
