/*
 * cs-chase scheduler: durations, the events of an order, the due event
 * (collapse, the sweep, the pre-close chase, the log, a chase of another
 * order), the one action a buyer gets, and the plan.
 */
#include "config.h"

#include <stdlib.h>

#include "ck.h"
#include "datetime.h"
#include "scheduler.h"
#include "value.h"

#define MIN	60
#define HOUR	3600

static struct chase_windows windows;
static struct chase_config cfg;

/* Seconds of 2026-11-d h:mi (11-11 is a Wednesday, 11-14 a Saturday). */
static int64_t
nov(unsigned d, int h, int mi)
{
	return cs_days_from_civil(2026, 11, d) * CS_DAY_SECONDS + h * HOUR +
	    mi * MIN;
}

static void
setup(void)
{
	memset(&cfg, 0, sizeof cfg);
	chase_windows_default(&windows);
	ck_assert_int_eq(chase_schedule_parse("10m,2h", &cfg), 0);
	cfg.deadline = nov(12, 0, 0);
	cfg.auto_close = 72 * HOUR;
	cfg.sweep = 2 * HOUR;
	cfg.preclose = 2 * HOUR;
	cfg.max_per_day = 3;
	cfg.fallback = true;
	cfg.windows = &windows;
}

static struct chase_order
order(int64_t created, int64_t amount, int channel)
{
	struct chase_order o;

	memset(&o, 0, sizeof o);
	o.created = created;
	o.amount = amount;
	o.channel = channel;
	return o;
}

/* The due step of o at now (0: none), with the buyer's latest chase. */
static int
due(const struct chase_order *o, int64_t latest, int64_t now)
{
	struct chase_event ev;

	return chase_due(&cfg, o, latest, now, &ev) ? ev.step : 0;
}

START_TEST(test_duration)
{
	int64_t s;

	ck_assert_int_eq(chase_duration_parse("10m", 3, 0, &s), 0);
	ck_assert_int_eq(s, 600);
	ck_assert_int_eq(chase_duration_parse("1h30m", 5, 0, &s), 0);
	ck_assert_int_eq(s, 5400);
	ck_assert_int_eq(chase_duration_parse("2d", 2, 0, &s), 0);
	ck_assert_int_eq(s, 172800);
	ck_assert_int_eq(chase_duration_parse(" 45s ", 5, 0, &s), 0);
	ck_assert_int_eq(s, 45);
	ck_assert_int_eq(chase_duration_parse("0", 1, 3600, &s), 0);
	ck_assert_int_eq(s, 0);
	ck_assert_int_eq(chase_duration_parse("72", 2, 3600, &s), 0);
	ck_assert_int_eq(s, 72 * 3600);
	ck_assert_int_eq(chase_duration_parse("", 0, 0, &s), CS_VALUE_EMPTY);
	ck_assert_int_eq(chase_duration_parse("72", 2, 0, &s), CS_VALUE_INVALID);
	ck_assert_int_eq(chase_duration_parse("1h30", 4, 60, &s), CS_VALUE_INVALID);
	ck_assert_int_eq(chase_duration_parse("h", 1, 0, &s), CS_VALUE_INVALID);
	ck_assert_int_eq(chase_duration_parse("10x", 3, 0, &s), CS_VALUE_INVALID);
	ck_assert_int_eq(chase_duration_parse("-5m", 3, 0, &s), CS_VALUE_INVALID);
	ck_assert_int_eq(chase_duration_parse("367d", 4, 0, &s), CS_VALUE_INVALID);
}
END_TEST

START_TEST(test_schedule)
{
	struct chase_config c;

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(chase_schedule_parse("10m,2h,24h", &c), 0);
	ck_assert_int_eq(c.nsteps, 3);
	ck_assert_int_eq(c.steps[0], 600);
	ck_assert_int_eq(c.steps[2], 86400);
	ck_assert_int_eq(chase_schedule_parse("2h,10m", &c), -1);
	ck_assert_int_eq(chase_schedule_parse("10m,10m", &c), -1);
	ck_assert_int_eq(chase_schedule_parse("10m,", &c), -1);
	ck_assert_int_eq(chase_schedule_parse("10", &c), -1);
	ck_assert_int_eq(chase_schedule_parse(
	    "1m,2m,3m,4m,5m,6m,7m,8m,9m,10m,11m,12m,13m,14m,15m,16m,17m", &c), -1);
	/* A failed parse leaves the schedule as it was. */
	ck_assert_int_eq(c.nsteps, 3);
	ck_assert_int_eq(chase_schedule_parse(
	    "1m,2m,3m,4m,5m,6m,7m,8m,9m,10m,11m,12m,13m,14m,15m,16m", &c), 0);
	ck_assert_int_eq(c.nsteps, 16);
}
END_TEST

START_TEST(test_events)
{
	struct chase_event ev[CHASE_MAX_EVENTS];
	struct chase_order o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);

	/* Steps by time, the sweep standing for the deadline, the pre-close
	 * chase for the close (72 h after 11-11 21:00). */
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 4);
	ck_assert_int_eq(ev[0].step, 1);
	ck_assert_int_eq(ev[0].at, nov(11, 21, 10));
	ck_assert_int_eq(ev[1].step, 2);
	ck_assert_int_eq(ev[1].at, nov(11, 23, 0));
	ck_assert_int_eq(ev[2].step, CHASE_SWEEP);
	ck_assert_int_eq(ev[2].at, nov(11, 22, 0));
	ck_assert_int_eq(ev[2].until, nov(12, 0, 0));
	ck_assert_int_eq(ev[3].step, CHASE_PRECLOSE);
	ck_assert_int_eq(ev[3].at, nov(14, 19, 0));
	ck_assert_int_eq(ev[3].until, nov(14, 21, 0));

	/* A presale balance closes at the deadline: no sweep, its pre-close
	 * chase at 22:00; steps after the close are dropped. */
	o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);
	o.balance = true;
	ck_assert_int_eq(chase_close_at(&cfg, &o), nov(12, 0, 0));
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 3);
	ck_assert_int_eq(ev[2].step, CHASE_PRECLOSE);
	ck_assert_int_eq(ev[2].at, nov(11, 22, 0));
	o.created = nov(11, 22, 30);
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 2);
	ck_assert_int_eq(ev[0].step, 1);
	ck_assert_int_eq(ev[1].step, CHASE_PRECLOSE);
	ck_assert_int_eq(ev[1].at, nov(11, 22, 40));

	/* Created in the sweep window: the sweep comes with the first step,
	 * never before it. */
	o = order(nov(11, 23, 30), 10000, CHASE_WANGWANG);
	chase_events(&cfg, &o, ev);
	ck_assert_int_eq(ev[1].step, CHASE_SWEEP);
	ck_assert_int_eq(ev[1].at, nov(11, 23, 40));
	/* Created too late for a sweep before the deadline. */
	o.created = nov(11, 23, 55);
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 3);
	ck_assert_int_eq(ev[2].step, CHASE_PRECLOSE);

	/* Without a deadline: steps and the pre-close chase. */
	cfg.deadline = CHASE_NO_TIME;
	o.balance = true;
	ck_assert_int_eq(chase_close_at(&cfg, &o), nov(14, 23, 55));
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 3);
	/* No sweep, no pre-close chase. */
	cfg.deadline = nov(12, 0, 0);
	cfg.sweep = cfg.preclose = 0;
	o = order(nov(11, 21, 0), 1, CHASE_WANGWANG);
	ck_assert_int_eq(chase_events(&cfg, &o, ev), 2);
}
END_TEST

START_TEST(test_due)
{
	struct chase_order o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);

	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 20, 0)), 0);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 21, 9)), 0);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 21, 10)), 1);
	/* Step 1 not sent by 22:00: collapsed into the sweep. */
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 22, 0)), CHASE_SWEEP);
	o.done = 1u << 1;
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 21, 50)), 0);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 22, 0)), CHASE_SWEEP);
	/* Once the sweep is sent, step 2 (23:00, before the deadline) is
	 * not sent any more. */
	o.done |= 1u << CHASE_SWEEP;
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(11, 23, 30)), 0);
	/* Without the sweep sent, after the deadline: step 2. */
	o.done = 1u << 1;
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(12, 0, 10)), 2);
	/* A later step in the log covers the earlier ones. */
	o.done = 1u << 2;
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(12, 0, 10)), 0);
	/* The pre-close chase; then the order is closed. */
	o.done = (1u << 2) | (1u << CHASE_SWEEP);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(14, 18, 59)), 0);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(14, 19, 0)), CHASE_PRECLOSE);
	o.done = 0;
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(14, 20, 59)), CHASE_PRECLOSE);
	ck_assert_int_eq(due(&o, CHASE_NO_TIME, nov(14, 21, 0)), 0);
}
END_TEST

START_TEST(test_due_covered)
{
	struct chase_order o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);

	/* The buyer was chased for another order at 21:15: that message
	 * counted this one, so step 1 (21:10) is covered... */
	ck_assert_int_eq(due(&o, nov(11, 21, 15), nov(11, 21, 20)), 0);
	/* ...but not the sweep at 22:00. */
	ck_assert_int_eq(due(&o, nov(11, 21, 15), nov(11, 22, 0)), CHASE_SWEEP);
	/* A chase at 22:05 covers the sweep, and with it step 2 (23:00). */
	ck_assert_int_eq(due(&o, nov(11, 22, 5), nov(11, 23, 30)), 0);
	/* A chase before the order's step does not cover it. */
	ck_assert_int_eq(due(&o, nov(11, 21, 5), nov(11, 21, 10)), 1);
}
END_TEST

START_TEST(test_route)
{
	int ch;
	int64_t at;

	/* Open: now, on the channel. */
	ck_assert_int_eq(chase_route(&cfg, CHASE_SMS, nov(11, 21, 0),
	    nov(12, 0, 0), &ch, &at), CHASE_ACT_CHASE);
	ck_assert_int_eq(ch, CHASE_SMS);
	ck_assert_int_eq(at, nov(11, 21, 0));
	/* Closed: wangwang now. */
	ck_assert_int_eq(chase_route(&cfg, CHASE_SMS, nov(11, 22, 30),
	    nov(12, 0, 0), &ch, &at), CHASE_ACT_CHASE);
	ck_assert_int_eq(ch, CHASE_WANGWANG);
	/* Phone on a workday morning, without fallback: deferred to noon. */
	cfg.fallback = false;
	ck_assert_int_eq(chase_route(&cfg, CHASE_PHONE, nov(12, 10, 30),
	    nov(14, 0, 0), &ch, &at), CHASE_ACT_DEFER);
	ck_assert_int_eq(ch, CHASE_PHONE);
	ck_assert_int_eq(at, nov(12, 12, 0));
	/* On Saturday morning it is open at 10:30. */
	ck_assert_int_eq(chase_route(&cfg, CHASE_PHONE, nov(14, 10, 30),
	    nov(15, 0, 0), &ch, &at), CHASE_ACT_CHASE);
	ck_assert_int_eq(ch, CHASE_PHONE);
	/* Lapses before the opening. */
	ck_assert_int_eq(chase_route(&cfg, CHASE_SMS, nov(11, 22, 30),
	    nov(12, 0, 0), &ch, &at), -1);
	/* With fallback and wangwang closed too: the earlier opening. */
	cfg.fallback = true;
	ck_assert_int_eq(chase_windows_set(&windows, "wangwang=08:00-23:00"), 0);
	ck_assert_int_eq(chase_route(&cfg, CHASE_SMS, nov(11, 23, 30),
	    nov(13, 0, 0), &ch, &at), CHASE_ACT_DEFER);
	ck_assert_int_eq(ch, CHASE_WANGWANG);
	ck_assert_int_eq(at, nov(12, 8, 0));
}
END_TEST

START_TEST(test_decide_one_per_buyer)
{
	struct chase_order o[3];
	struct chase_action a[4];

	o[0] = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);
	o[1] = order(nov(11, 21, 5), 30000, CHASE_SMS);
	o[2] = order(nov(11, 21, 58), 90000, CHASE_WANGWANG);	/* not yet */
	ck_assert_uint_eq(chase_decide(&cfg, o, 3, NULL, 0, CHASE_NO_TIME,
	    nov(11, 21, 20), a), 1);
	ck_assert_uint_eq(a[0].order, 1);
	ck_assert_int_eq(a[0].step, 1);
	ck_assert_int_eq(a[0].channel, CHASE_SMS);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_CHASE);
	ck_assert_int_eq(a[0].due, nov(11, 21, 20));
	/* The order created after now is not counted. */
	ck_assert_int_eq(a[0].count, 2);
	/* The same amount: the older order. */
	o[0].amount = 30000;
	ck_assert_uint_eq(chase_decide(&cfg, o, 3, NULL, 0, CHASE_NO_TIME,
	    nov(11, 21, 20), a), 1);
	ck_assert_uint_eq(a[0].order, 0);
	/* After that chase, the covered order waits for its own next step. */
	int64_t chased[1] = { nov(11, 21, 20) };
	o[0].done = 1u << 1;
	ck_assert_uint_eq(chase_decide(&cfg, o, 3, chased, 1, CHASE_NO_TIME,
	    nov(11, 21, 30), a), 0);
	/* At 22:10 the biggest order's step 1 and everyone's sweep are due:
	 * the biggest, at its latest step. */
	ck_assert_uint_eq(chase_decide(&cfg, o, 3, chased, 1, CHASE_NO_TIME,
	    nov(11, 22, 10), a), 1);
	ck_assert_uint_eq(a[0].order, 2);
	ck_assert_int_eq(a[0].step, CHASE_SWEEP);
}
END_TEST

START_TEST(test_decide_fatigue_and_payers)
{
	struct chase_order o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);
	struct chase_action a[2];
	int64_t chases[3] = { nov(10, 22, 1), nov(11, 9, 0), nov(11, 12, 0) };

	/* Three chases in the 24 hours before 22:00. */
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, chases, 3, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 0);
	/* At 22:01 the first is 24 hours old. */
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, chases, 3, CHASE_NO_TIME,
	    nov(11, 22, 1), a), 1);
	cfg.max_per_day = 4;
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, chases, 3, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 1);
	cfg.max_per_day = 0;
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, chases, 3, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 1);
	/* A chase logged after now is ignored. */
	cfg.max_per_day = 1;
	int64_t future[1] = { nov(11, 23, 0) };
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, future, 1, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 1);
	/* Paid another order 23 hours ago: not chased; 24 hours: chased. */
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, nov(10, 23, 0),
	    nov(11, 22, 0), a), 0);
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, nov(10, 22, 0),
	    nov(11, 22, 0), a), 1);
}
END_TEST

START_TEST(test_decide_defer)
{
	struct chase_order o = order(nov(11, 20, 0), 10000, CHASE_SMS);
	struct chase_action a[2];

	cfg.fallback = false;
	/* 22:30: steps 1 and 2 and the sweep are due; the sweep would lapse before sms opens at 09:00, so the
	 * step that can still be sent is deferred. */
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, CHASE_NO_TIME,
	    nov(11, 22, 30), a), 1);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_DEFER);
	ck_assert_int_eq(a[0].step, 2);
	ck_assert_int_eq(a[0].channel, CHASE_SMS);
	ck_assert_int_eq(a[0].due, nov(12, 9, 0));
	/* Logged: not written again. */
	o.defer_step = 2;
	o.defer_at = nov(12, 9, 0);
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, CHASE_NO_TIME,
	    nov(11, 22, 40), a), 0);
	/* At the opening it is sent. */
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, CHASE_NO_TIME,
	    nov(12, 9, 0), a), 1);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_CHASE);
	ck_assert_int_eq(a[0].step, 2);
	ck_assert_int_eq(a[0].channel, CHASE_SMS);
	/* With fallback: wangwang now. */
	cfg.fallback = true;
	ck_assert_uint_eq(chase_decide(&cfg, &o, 1, NULL, 0, CHASE_NO_TIME,
	    nov(11, 22, 30), a), 1);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_CHASE);
	ck_assert_int_eq(a[0].step, CHASE_SWEEP);
	ck_assert_int_eq(a[0].channel, CHASE_WANGWANG);
}
END_TEST

START_TEST(test_decide_holdout)
{
	struct chase_order o[2];
	struct chase_action a[3];
	int64_t chased[1] = { nov(11, 21, 15) };

	o[0] = order(nov(11, 21, 0), 50000, CHASE_WANGWANG);
	o[0].holdout = true;
	o[1] = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);
	/* The held-out order is neither the one named nor counted, and a
	 * chase of the buyer does not cover it. */
	ck_assert_uint_eq(chase_decide(&cfg, o, 2, chased, 1, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 2);
	ck_assert_uint_eq(a[0].order, 1);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_CHASE);
	ck_assert_int_eq(a[0].count, 1);
	ck_assert_uint_eq(a[1].order, 0);
	ck_assert_int_eq(a[1].kind, CHASE_ACT_HOLDOUT);
	ck_assert_int_eq(a[1].step, CHASE_SWEEP);
	ck_assert_int_eq(a[1].due, nov(11, 22, 0));
	o[0].done = 1u << CHASE_SWEEP;
	ck_assert_uint_eq(chase_decide(&cfg, o, 2, chased, 1, CHASE_NO_TIME,
	    nov(11, 22, 10), a), 1);
	ck_assert_int_eq(a[0].kind, CHASE_ACT_CHASE);
	/* A tired buyer gets no holdout row either. */
	int64_t tired[3] = { nov(11, 20, 0), nov(11, 20, 30), nov(11, 21, 0) };
	o[0].done = 0;
	ck_assert_uint_eq(chase_decide(&cfg, o, 2, tired, 3, CHASE_NO_TIME,
	    nov(11, 22, 0), a), 0);
}
END_TEST

START_TEST(test_plan)
{
	struct chase_order o = order(nov(11, 21, 0), 10000, CHASE_WANGWANG);
	struct chase_times t = { NULL, 0, 0 };
	struct chase_actions out = { NULL, 0, 0 };

	chase_plan(&cfg, &o, 1, &t, CHASE_NO_TIME, nov(11, 21, 0),
	    cfg.deadline, &out);
	ck_assert_uint_eq(out.n, 2);
	ck_assert_int_eq(out.a[0].step, 1);
	ck_assert_int_eq(out.a[0].due, nov(11, 21, 10));
	ck_assert_int_eq(out.a[1].step, CHASE_SWEEP);
	ck_assert_int_eq(out.a[1].due, nov(11, 22, 0));
	ck_assert_uint_eq(t.n, 2);

	/* Three steps and the sweep: the sweep at 22:00 covers steps 2
	 * and 3, which rank before the deadline. */
	ck_assert_int_eq(chase_schedule_parse("10m,20m,30m", &cfg), 0);
	o = order(nov(11, 21, 40), 10000, CHASE_WANGWANG);
	out.n = t.n = 0;
	chase_plan(&cfg, &o, 1, &t, CHASE_NO_TIME, nov(11, 21, 0),
	    cfg.deadline, &out);
	ck_assert_uint_eq(out.n, 2);
	ck_assert_int_eq(out.a[0].step, 1);
	ck_assert_int_eq(out.a[0].due, nov(11, 21, 50));
	ck_assert_int_eq(out.a[1].step, CHASE_SWEEP);
	ck_assert_int_eq(out.a[1].due, nov(11, 22, 0));

	/* No sweep, two chases a day: the third step waits until the
	 * first chase is 24 hours old. */
	cfg.sweep = 0;
	cfg.preclose = 0;
	cfg.max_per_day = 2;
	o = order(nov(11, 21, 40), 10000, CHASE_WANGWANG);
	out.n = t.n = 0;
	chase_plan(&cfg, &o, 1, &t, CHASE_NO_TIME, nov(11, 21, 0),
	    nov(13, 0, 0), &out);
	ck_assert_uint_eq(out.n, 3);
	ck_assert_int_eq(out.a[1].step, 2);
	ck_assert_int_eq(out.a[1].due, nov(11, 22, 0));
	ck_assert_int_eq(out.a[2].step, 3);
	ck_assert_int_eq(out.a[2].due, nov(12, 21, 50));
	cfg.sweep = 2 * HOUR;
	cfg.preclose = 2 * HOUR;
	cfg.max_per_day = 3;

	/* Deferred past the deadline: the last deferral is listed. */
	ck_assert_int_eq(chase_schedule_parse("10m,2h", &cfg), 0);
	cfg.fallback = false;
	o = order(nov(11, 21, 55), 10000, CHASE_PHONE);
	out.n = t.n = 0;
	chase_plan(&cfg, &o, 1, &t, CHASE_NO_TIME, nov(11, 21, 0),
	    cfg.deadline, &out);
	ck_assert_uint_eq(out.n, 1);
	ck_assert_int_eq(out.a[0].kind, CHASE_ACT_DEFER);
	ck_assert_int_eq(out.a[0].step, 2);
	ck_assert_int_eq(out.a[0].due, nov(12, 12, 0));
	free(t.t);
	free(out.a);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-scheduler");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_duration);
	tcase_add_test(tc, test_schedule);
	tcase_add_test(tc, test_events);
	tcase_add_test(tc, test_due);
	tcase_add_test(tc, test_due_covered);
	tcase_add_test(tc, test_route);
	tcase_add_test(tc, test_decide_one_per_buyer);
	tcase_add_test(tc, test_decide_fatigue_and_payers);
	tcase_add_test(tc, test_decide_defer);
	tcase_add_test(tc, test_decide_holdout);
	tcase_add_test(tc, test_plan);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-scheduler", suite)
