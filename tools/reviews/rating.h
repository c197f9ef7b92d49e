/*
 * The rating of a review as exports write it: 好评/中评/差评, good/neutral/
 * bad (the TOP API's result), 1-5 stars as a number ("5", "4.0", "5星",
 * "五星", "5分", "★★★★★"). 4 and 5 stars are good, 3 neutral, 1 and 2 bad.
 */
#ifndef RV_RATING_H
#define RV_RATING_H

#include <stddef.h>

enum rv_rating {
	RV_RATING_NONE,		/* empty */
	RV_RATING_GOOD,
	RV_RATING_NEUTRAL,
	RV_RATING_BAD
};

int	 rv_rating_parse(const char *, size_t, enum rv_rating *);

#endif
