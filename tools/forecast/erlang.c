/*
 * Erlang B, C and A, and the staffing search.
 *
 * Erlang B by its recursion B(k) = A B(k-1) / (k + A B(k-1)): every term
 * is in [0, 1], so nothing overflows, and the search keeps B from one
 * number of servers to the next, so that it costs O(N) in all.
 *
 * Erlang C from B: C = N B / (N - A (1 - B)), defined for N > A.
 *
 * Erlang A (Palm's M/M/N+M) in closed form: the states below N are summed
 * through Erlang B (sum of pi_n for n < N = pi_N (1/B - 1)), the queue
 * states N + j by the product q_j = q_(j-1) lambda / (N mu + j theta),
 * kept as logarithms and rescaled as they are summed, so that a queue
 * that would hold e^1000 in relative weight is still summed right. A
 * buyer who finds j waiting is answered within T with probability
 * a'/(a'+j+1) I_x(j+1, a'+1), where a' = N mu / theta, x = 1 - e^(-theta T)
 * and I is the regularised incomplete beta function, summed here as a
 * negative-binomial series (shared/research/staffing.md §2.4 derives it).
 * One pass over j gives every measure.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "erlang.h"

/* Terms of the queue below e^-45 of the largest one are not summed. */
#define TAIL_CUT	(-45.0)
/* A queue longer than this is not summed further (a safety stop). */
#define TAIL_MAX	20000000L

/* Erlang B: the share of arrivals blocked on n servers at load a. */
double
erl_b(long n, double a)
{
	double b = 1;

	for (long k = 1; k <= n; k++)
		b = a * b / ((double)k + a * b);
	return b;
}

/* Erlang C: the share of arrivals that wait; 1 when n <= a (no steady state). */
double
erl_c(long n, double a)
{
	double b;

	if (!(a > 0))
		return 0;
	if ((double)n <= a)
		return 1;
	b = erl_b(n, a);
	return (double)n * b / ((double)n - a * (1 - b));
}

/* The Erlang C measures of n servers whose Erlang B is b. */
static void
c_from_b(long n, double a, double b, double aht, double t,
    struct erl_metrics *m)
{
	double c, gap;

	memset(m, 0, sizeof *m);
	if (!(a > 0)) {
		m->service_level = 1;
		return;
	}
	if ((double)n <= a) {
		m->wait_probability = 1;
		m->asa = m->asa_all = INFINITY;
		m->occupancy = 1;
		return;
	}
	gap = (double)n - a;
	c = (double)n * b / (gap + a * b);
	m->wait_probability = c;
	m->service_level = 1 - c * exp(-gap * t / aht);
	m->asa = m->asa_all = c * aht / gap;
	m->occupancy = a / (double)n;
}

/*
 * Erlang C measures of n servers at load a (Erlangs), handle time aht and
 * service level time t (seconds). When n <= a the queue grows without end:
 * every arrival waits, the service level is 0 and the wait infinite.
 */
void
erl_c_metrics(long n, double a, double aht, double t, struct erl_metrics *m)
{
	c_from_b(n, a, erl_b(n, a), aht, t, m);
}

/* log(e^x + e^y) without overflow; -INFINITY stands for log 0. */
static double
log_add(double x, double y)
{
	if (x == -INFINITY)
		return y;
	if (y == -INFINITY)
		return x;
	if (x < y) {
		double s = x;
		x = y;
		y = s;
	}
	return x + log1p(exp(y - x));
}

/* The Erlang A measures of n servers whose Erlang B is b. */
static void
a_from_b(long n, double a, double b, double aht, double patience, double t,
    struct erl_metrics *m)
{
	double lambda = a / aht, theta = 1 / patience;
	double nmu = (double)n / aht;
	double ap = nmu / theta;		/* a' */
	double r = ap + 1;			/* the beta's second parameter */
	double log_low, log_lambda = log(lambda), lx, l1x;
	double lq = 0, top = 0;			/* log q_j, the largest so far */
	double s_q = 0, s_jq = 0, s_sl = 0, s_ans = 0, s_m = 0;
	double lp, cum = 0;			/* negative-binomial terms */
	double sj = 1, mj = 0;			/* answered, its wait, j ahead */
	double log_z, f, p_low, answered;

	memset(m, 0, sizeof *m);
	if (!(a > 0)) {
		m->service_level = 1;
		return;
	}
	if (b == 0) {
		/* Below the smallest double: nobody ever waits. */
		m->service_level = 1;
		m->occupancy = a / (double)n;
		return;
	}
	/* log of (sum of pi_k for k < n) / pi_n = 1/B - 1 */
	log_low = n == 0 ? -INFINITY : log1p(-b) - log(b);
	l1x = -theta * t;			/* log(1 - x) */
	lx = t > 0 ? log(-expm1(-theta * t)) : -INFINITY;
	lp = r * l1x;				/* log p_0 = r log(1 - x) */
	for (long j = 0;; j++) {
		double rj = nmu + (double)(j + 1) * theta;
		double pj = (nmu + (double)j * theta) / rj;
		double w, ix;

		if (j > 0) {
			lq += log_lambda - log(nmu + (double)j * theta);
			lp += log((r + (double)j - 1) / (double)j) + lx;
		}
		if (lq > top) {
			/* Rescale what was summed to the new largest term. */
			double s = exp(top - lq);
			s_q *= s;
			s_jq *= s;
			s_sl *= s;
			s_ans *= s;
			s_m *= s;
			top = lq;
		}
		cum += exp(lp);
		ix = cum >= 1 ? 0 : 1 - cum;
		mj = pj * (sj / rj + mj);
		sj *= pj;
		w = exp(lq - top);
		s_q += w;
		s_jq += (double)j * w;
		s_sl += w * ap / (ap + (double)j + 1) * ix;
		s_ans += w * sj;
		s_m += w * mj;
		if ((lq - top < TAIL_CUT && nmu + (double)j * theta > lambda) ||
		    j >= TAIL_MAX)
			break;
	}
	log_z = log_add(log_low, top + log(s_q));
	f = exp(top - log_z);			/* pi_n e^top */
	p_low = exp(log_low - log_z);
	m->wait_probability = f * s_q;
	m->asa_all = f * s_jq / lambda;
	m->abandon = theta * f * s_jq / lambda;
	m->service_level = p_low + f * s_sl;
	answered = p_low + f * s_ans;
	m->asa = answered > 0 ? f * s_m / answered : 0;
	m->occupancy = n > 0 ? a * (1 - m->abandon) / (double)n : 0;
	if (m->service_level > 1)
		m->service_level = 1;
	if (m->abandon > 1)
		m->abandon = 1;
}

/*
 * Erlang A measures of n servers at load a (Erlangs), handle time aht,
 * mean patience and service level time t (seconds). The service level is
 * the share of ALL arrivals answered within t: buyers who give up count
 * against it. asa is the mean wait of the answered, asa_all that of
 * every arrival (those who give up included, until they do).
 */
void
erl_a_metrics(long n, double a, double aht, double patience, double t,
    struct erl_metrics *m)
{
	a_from_b(n, a, erl_b(n, a), aht, patience, t, m);
}

/*
 * ceil(x), forgiving the last bits of a double: 22.1 / 0.85 is
 * 26.000000000000004 in binary, and must give 26 agents, not 27.
 */
long
erl_ceil(double x)
{
	double eps = 1e-9 * (fabs(x) > 1 ? fabs(x) : 1);

	return (long)ceil(x - eps);
}

static int
meets(const struct erl_plan *p, const struct erl_metrics *m, long servers,
    long occ_servers)
{
	if (servers < occ_servers)
		return 0;
	if (p->sl > 0 && m->service_level < p->sl - 1e-12)
		return 0;
	if (p->asa > 0 && m->asa > p->asa * (1 + 1e-12))
		return 0;
	if (p->patience > 0) {
		if (m->abandon > p->max_abandon + 1e-12)
			return 0;
		if (m->occupancy > p->max_occupancy + 1e-12)
			return 0;
	}
	return 1;
}

/*
 * The fewest agents that meet every target of p, and what they achieve.
 * Servers are agents x concurrency. Erlang C (no patience) starts at the
 * first count above the load, floor(A)+1, where the queue is stable;
 * Erlang A starts at the count that abandonment and occupancy caps make a
 * floor, A (1 - max_abandon) / max_occupancy. Both then step up one agent
 * at a time, so the answer is the smallest that meets the targets even
 * where a measure is not monotone. An interval without arrivals needs no
 * agent. Returns -1 when more than ERL_MAX_SERVERS servers would be
 * needed.
 */
int
erl_staff(const struct erl_plan *p, struct erl_result *r)
{
	long k = p->concurrency > 0 ? p->concurrency : 1;
	double a = p->arrivals * p->aht / p->interval;
	long occ_servers, n, have = 0;
	double b = 1;				/* Erlang B of 'have' servers */

	memset(r, 0, sizeof *r);
	r->load = a;
	if (!(a > 0)) {
		r->m.service_level = 1;
		return 0;
	}
	if (a / p->max_occupancy > (double)ERL_MAX_SERVERS)
		return -1;
	if (p->patience > 0) {
		occ_servers = 0;
		n = (long)floor(a * (1 - p->max_abandon) / p->max_occupancy) / k;
		if (n < 1)
			n = 1;
	} else {
		occ_servers = erl_ceil(a / p->max_occupancy);
		n = (long)floor(a / (double)k) + 1;
		if (n < (occ_servers + k - 1) / k)
			n = (occ_servers + k - 1) / k;
	}
	for (;; n++) {
		long servers = n * k;
		if (servers > ERL_MAX_SERVERS)
			return -1;
		while (have < servers) {
			have++;
			b = a * b / ((double)have + a * b);
		}
		if (p->patience > 0)
			a_from_b(servers, a, b, p->aht, p->patience, p->sl_time,
			    &r->m);
		else
			c_from_b(servers, a, b, p->aht, p->sl_time, &r->m);
		if (meets(p, &r->m, servers, occ_servers))
			break;
	}
	r->agents = n;
	r->scheduled = erl_ceil((double)n / (1 - p->shrinkage));
	return 0;
}
