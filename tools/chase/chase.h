/*
 * Names cs-chase's modules share: the channels a chase goes out on and the
 * steps of an order's chase. Plain values only; no module here reads a
 * CSV row.
 *
 * A step is a small integer: 1..CHASE_MAX_STEPS for the --schedule steps,
 * CHASE_SWEEP for the final sweep before the deadline and CHASE_PRECLOSE
 * for the chase before the order's auto-close. A set of steps fits in a
 * uint32_t bit mask (bit s for step s).
 */
#ifndef CHASE_H
#define CHASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum chase_channel {
	CHASE_WANGWANG,
	CHASE_SMS,
	CHASE_PHONE,
	CHASE_NCHANNELS
};

#define CHASE_NONE		(-1)	/* the "none" channel: not chased */
#define CHASE_MAX_STEPS		16
#define CHASE_SWEEP		(CHASE_MAX_STEPS + 1)
#define CHASE_PRECLOSE		(CHASE_MAX_STEPS + 2)
#define CHASE_STEP_BUFSIZE	12

int	 chase_channel_parse(const char *, size_t, int *);
const char *chase_channel_name(int);
int	 chase_step_parse(const char *, size_t, int *);
char	*chase_step_format(int, char *);

#endif
