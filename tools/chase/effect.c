/*
 * Effect statistics: plain counts in, rates and intervals out.
 */
#include "config.h"

#include <math.h>

#include "effect.h"

/*
 * The Wilson score interval of x successes in n trials at z (n > 0):
 * *lo and *hi in [0, 1].
 */
void
chase_wilson(int64_t x, int64_t n, double z, double *lo, double *hi)
{
	double nn = (double)n, p = (double)x / nn, z2 = z * z;
	double denom = 1 + z2 / nn;
	double center = (p + z2 / (2 * nn)) / denom;
	double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;

	*lo = center - half;
	*hi = center + half;
	if (*lo < 0 || x == 0)
		*lo = 0;
	if (*hi > 1 || x == n)
		*hi = 1;
}

/*
 * The uplift of e (chased rate minus holdout rate) in *d with its 95 %
 * interval in *lo and *hi. Returns 0, or -1 when either side has no order
 * (no uplift can be measured).
 */
int
chase_uplift(const struct chase_effect *e, double *d, double *lo, double *hi)
{
	double p1, p2, l1, u1, l2, u2;

	if (e->chased <= 0 || e->holdout <= 0)
		return -1;
	p1 = (double)e->chased_paid / (double)e->chased;
	p2 = (double)e->holdout_paid / (double)e->holdout;
	chase_wilson(e->chased_paid, e->chased, CHASE_Z95, &l1, &u1);
	chase_wilson(e->holdout_paid, e->holdout, CHASE_Z95, &l2, &u2);
	*d = p1 - p2;
	*lo = *d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
	*hi = *d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
	return 0;
}

/* The amount recovered by an uplift over a total amount, in cents. */
int64_t
chase_recovered(double uplift, int64_t amount)
{
	return (int64_t)llround(uplift * (double)amount);
}
