/*
 * When to chase: the steps of an order, which one is due now, and the one
 * action a buyer gets in a run.
 *
 * An order's events:
 *   - step k of --schedule at creation + offset k;
 *   - the sweep, the last chase before the deadline: at the deadline minus
 *     --sweep, never before the first step; only for orders still open at
 *     the deadline;
 *   - the pre-close chase at the order's close minus --preclose, never
 *     before the first step. An order closes --auto-close after its
 *     creation; a presale balance closes at the deadline, and its
 *     pre-close chase is its last chase before the deadline (it has no
 *     sweep).
 * Each event is valid until the order closes (the sweep: until the
 * deadline). Events are ranked by the moment they stand for: a step by its
 * time, the sweep by the deadline, the pre-close chase by the close. So
 * the sweep stands after every step before the deadline: once the sweep is
 * sent, those steps are not sent any more.
 *
 * An event is done when the log has it (chased or held out), or when a
 * later-ranked event is done, or, for an order that is not held out, when
 * the buyer was chased (for any order) at or after the event's time: that
 * message counted this order too. The due event is the latest-ranked one
 * that is not done and whose time has come; the steps before it are
 * collapsed into it.
 *
 * A buyer gets at most one action a run: the due order with the biggest
 * amount (then the oldest) that can be sent, its message counting the
 * buyer's unpaid orders. No action when the buyer paid an order in the last 24 hours, or
 * when --max-per-day chases were sent to them in the last 24 hours. On a
 * channel outside its window the chase falls back to wangwang (when
 * wangwang is open and fallback is on), else it is deferred to the first
 * opening, if that comes before the event lapses. A deferral already in
 * the log is not written again. Held-out orders take the same path, each
 * on its own, and are written as holdout where they would be chased.
 *
 * Everything here is plain values: times in seconds, amounts in cents.
 */
#ifndef CHASE_SCHEDULER_H
#define CHASE_SCHEDULER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "chase.h"
#include "windows.h"

#define CHASE_NO_TIME	INT64_MIN
#define CHASE_MAX_EVENTS	(CHASE_MAX_STEPS + 2)

struct chase_config {
	int64_t		 steps[CHASE_MAX_STEPS];	/* offsets, seconds */
	int		 nsteps;
	int64_t		 deadline;	/* CHASE_NO_TIME: none */
	int64_t		 auto_close;	/* seconds */
	int64_t		 sweep;		/* seconds before the deadline; 0 none */
	int64_t		 preclose;	/* seconds before the close; 0 none */
	int		 max_per_day;	/* 0: no limit */
	bool		 fallback;
	const struct chase_windows *windows;
};

struct chase_order {
	int64_t		 created;
	int64_t		 amount;	/* cents */
	int		 channel;
	bool		 balance;
	bool		 holdout;
	uint32_t	 done;		/* steps chased or held out (bit step) */
	int		 defer_step;	/* the latest deferral logged; 0 none */
	int64_t		 defer_at;
};

struct chase_event {
	int		 step;
	int64_t		 at;		/* when it is due */
	int64_t		 until;		/* when it lapses */
	int64_t		 rank;		/* the moment it stands for */
};

enum chase_kind {
	CHASE_ACT_CHASE,
	CHASE_ACT_HOLDOUT,
	CHASE_ACT_DEFER
};

struct chase_action {
	size_t		 order;		/* index in the buyer's orders */
	int		 step;
	int		 channel;
	int64_t		 due;
	enum chase_kind	 kind;
	long		 count;		/* the buyer's open unpaid orders */
};

/* Growable arrays for chase_plan. */
struct chase_times {
	int64_t		*t;
	size_t		 n, cap;
};

struct chase_actions {
	struct chase_action *a;
	size_t		 n, cap;
};

int	 chase_schedule_parse(const char *, struct chase_config *);
int	 chase_duration_parse(const char *, size_t, int64_t, int64_t *);
int64_t	 chase_close_at(const struct chase_config *, const struct chase_order *);
int	 chase_events(const struct chase_config *, const struct chase_order *,
	    struct chase_event *);
int	 chase_due_events(const struct chase_config *,
	    const struct chase_order *, int64_t, int64_t, struct chase_event *);
bool	 chase_due(const struct chase_config *, const struct chase_order *,
	    int64_t, int64_t, struct chase_event *);
int	 chase_route(const struct chase_config *, int, int64_t, int64_t, int *,
	    int64_t *);
size_t	 chase_decide(const struct chase_config *, const struct chase_order *,
	    size_t, const int64_t *, size_t, int64_t, int64_t,
	    struct chase_action *);
void	 chase_plan(const struct chase_config *, struct chase_order *, size_t,
	    struct chase_times *, int64_t, int64_t, int64_t,
	    struct chase_actions *);

#endif
