/*
 * The honest measure of chasing: chased orders against held-out ones.
 *
 * For a group (segment, channel, step) the rate of chased orders paid
 * after the chase is compared with the rate of held-out orders paid after
 * the moment they would have been chased. The uplift is the difference;
 * its 95 % confidence interval is Newcombe's hybrid score interval (from
 * the Wilson interval of each rate), which stays inside [-1, 1] and keeps
 * its coverage with the small groups and the rates near 0 or 1 that a
 * holdout of a few percent gives, where the textbook normal interval does
 * not. The recovered amount is uplift x chased orders x their mean amount,
 * that is uplift x the chased orders' total amount: the payments that
 * chasing caused, not the ones that would have come anyway.
 */
#ifndef CHASE_EFFECT_H
#define CHASE_EFFECT_H

#include <stdint.h>

#define CHASE_Z95	1.959963984540054

struct chase_effect {
	int64_t	chased;		/* orders chased */
	int64_t	chased_paid;	/* of them, paid after the chase */
	int64_t	amount;		/* cents: the chased orders' total amount */
	int64_t	holdout;	/* orders held out */
	int64_t	holdout_paid;	/* of them, paid after the hold-out time */
	int64_t	messages;	/* chases sent (several for one order) */
	int64_t	sms_parts;	/* SMS messages billed */
};

void	 chase_wilson(int64_t, int64_t, double, double *, double *);
int	 chase_uplift(const struct chase_effect *, double *, double *,
	    double *);
int64_t	 chase_recovered(double, int64_t);

#endif
