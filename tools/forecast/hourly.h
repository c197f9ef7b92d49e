/*
 * Hours of a day: the time-of-day values exports write for an hour or an
 * interval, and last year's receptions per hour that share a day's
 * forecast out over its hours. Plain values; nothing allocates.
 */
#ifndef FC_HOURLY_H
#define FC_HOURLY_H

#include <stddef.h>
#include <stdint.h>

#define FC_UNDATED	INT64_MIN

/* Receptions per hour of one day (or of no day in particular). */
struct fc_profile {
	int64_t		 day;		/* days since 1970-01-01; FC_UNDATED */
	int64_t		 n[24];
};

int	 fc_time_of_day(const char *, size_t, int *);
const struct fc_profile *fc_profile_pick(const struct fc_profile *, size_t,
	    unsigned, unsigned);
int	 fc_profile_split(const struct fc_profile *, double, double *);

#endif
