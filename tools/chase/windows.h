/*
 * Send windows: the hours of the day at which each channel may be used.
 *
 * Each channel has a list of ranges [start, end) in seconds of the day,
 * one list for workdays and one for weekend days. Without a holiday
 * calendar a workday is Monday to Friday and a weekend day is Saturday or
 * Sunday, by the civil date of the naive local time (mainland China has no
 * public holiday and no make-up workday in November, so around 11.11 the
 * rule is exact).
 *
 * The defaults: wangwang always; sms 09:00-22:00; phone 12:00-13:30 and
 * 18:00-21:00 on workdays, 10:00-21:00 on weekends.
 */
#ifndef CHASE_WINDOWS_H
#define CHASE_WINDOWS_H

#include <stdbool.h>
#include <stdint.h>

#include "chase.h"

#define CHASE_MAX_RANGES	8
#define CHASE_NEVER		INT64_MAX

enum chase_daytype {
	CHASE_WORKDAY,
	CHASE_WEEKEND,
	CHASE_NDAYTYPES
};

struct chase_range {
	int	start;		/* seconds of the day */
	int	end;		/* exclusive; 86400 for 24:00 */
};

struct chase_windows {
	struct chase_range	r[CHASE_NCHANNELS][CHASE_NDAYTYPES][CHASE_MAX_RANGES];
	int			n[CHASE_NCHANNELS][CHASE_NDAYTYPES];
};

void	 chase_windows_default(struct chase_windows *);
int	 chase_windows_set(struct chase_windows *, const char *);
enum chase_daytype chase_daytype(int64_t);
bool	 chase_windows_open(const struct chase_windows *, int, int64_t);
int64_t	 chase_windows_next(const struct chase_windows *, int, int64_t);

#endif
