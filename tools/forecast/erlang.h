/*
 * Queueing for staffing: Erlang B, Erlang C (M/M/N) and Erlang A
 * (M/M/N+M, buyers who give up), and the search for the fewest agents
 * that meet every target of one interval.
 *
 * Everything is computed from the Erlang B recursion, whose terms stay in
 * [0, 1], and from logarithms: no factorial, no power of the load, so a
 * load of thousands of Erlangs on thousands of servers neither overflows
 * nor turns into NaN. A probability too small for a double is 0.
 *
 * Units: times in seconds, rates per second, loads in Erlangs. Plain
 * values in and out; nothing here allocates or prints.
 */
#ifndef FC_ERLANG_H
#define FC_ERLANG_H

/* The largest number of servers (agents x concurrency) a search tries. */
#define ERL_MAX_SERVERS	10000000L

/* What a number of servers achieves on a load. */
struct erl_metrics {
	double	 wait_probability;	/* an arrival finds every server busy */
	double	 service_level;		/* answered within T / all arrivals */
	double	 asa;			/* mean wait of the answered, seconds */
	double	 asa_all;		/* mean wait of all arrivals, seconds */
	double	 abandon;		/* share that gives up (Erlang A) */
	double	 occupancy;		/* share of server time busy */
};

/* One interval's load and the targets to meet. */
struct erl_plan {
	double	 arrivals;		/* contacts in the interval */
	double	 interval;		/* seconds */
	double	 aht;			/* handle time of one contact, seconds */
	double	 patience;		/* mean patience, seconds; 0: Erlang C */
	int	 concurrency;		/* servers (slots) an agent */
	double	 sl;			/* service level target in (0, 1); 0: none */
	double	 sl_time;		/* T of the service level, seconds */
	double	 asa;			/* mean wait target, seconds; 0: none */
	double	 max_occupancy;		/* (0, 1] */
	double	 max_abandon;		/* (0, 1], Erlang A only */
	double	 shrinkage;		/* [0, 1) */
};

struct erl_result {
	long	 agents;		/* on line, meeting every target */
	long	 scheduled;		/* agents / (1 - shrinkage), rounded up */
	double	 load;			/* offered load, Erlangs */
	struct erl_metrics m;		/* what the agents achieve */
};

double	 erl_b(long, double);
double	 erl_c(long, double);
void	 erl_c_metrics(long, double, double, double, struct erl_metrics *);
void	 erl_a_metrics(long, double, double, double, double,
	    struct erl_metrics *);
long	 erl_ceil(double);
int	 erl_staff(const struct erl_plan *, struct erl_result *);

#endif
