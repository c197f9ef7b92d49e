/*
 * Channel and step names, as the output writes them and the inputs (the
 * segment rows, the --sent log, the --templates file) read them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "chase.h"
#include "value.h"

static const char *const channel_names[CHASE_NCHANNELS] = {
	"wangwang", "sms", "phone",
};

/* Other spellings of a channel: what a shop writes in its own rule file. */
static const struct {
	const char	*word;
	int		 channel;
} channel_words[] = {
	{ "wangwang", CHASE_WANGWANG }, { "旺旺", CHASE_WANGWANG },
	{ "千牛", CHASE_WANGWANG }, { "ww", CHASE_WANGWANG },
	{ "chat", CHASE_WANGWANG },
	{ "sms", CHASE_SMS }, { "短信", CHASE_SMS },
	{ "phone", CHASE_PHONE }, { "电话", CHASE_PHONE },
	{ "call", CHASE_PHONE },
	{ "none", CHASE_NONE }, { "无", CHASE_NONE }, { "不催", CHASE_NONE },
};

/*
 * Parse a channel name into *ch (CHASE_NONE for "none"). Returns 0,
 * CS_VALUE_EMPTY or CS_VALUE_INVALID.
 */
int
chase_channel_parse(const char *s, size_t n, int *ch)
{
	cs_trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	for (size_t i = 0; i < sizeof channel_words / sizeof channel_words[0];
	    i++) {
		const char *w = channel_words[i].word;
		if (strlen(w) == n && strncasecmp(w, s, n) == 0) {
			*ch = channel_words[i].channel;
			return 0;
		}
	}
	return CS_VALUE_INVALID;
}

/* The output name of a channel; "none" for CHASE_NONE. */
const char *
chase_channel_name(int ch)
{
	if (ch >= 0 && ch < CHASE_NCHANNELS)
		return channel_names[ch];
	return "none";
}

/*
 * Parse a step: 1..CHASE_MAX_STEPS, "sweep" or "preclose". Returns 0,
 * CS_VALUE_EMPTY or CS_VALUE_INVALID.
 */
int
chase_step_parse(const char *s, size_t n, int *step)
{
	int64_t v;

	if (n == 0)
		return CS_VALUE_EMPTY;
	if (n == 5 && memcmp(s, "sweep", 5) == 0) {
		*step = CHASE_SWEEP;
		return 0;
	}
	if (n == 8 && memcmp(s, "preclose", 8) == 0) {
		*step = CHASE_PRECLOSE;
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return CS_VALUE_INVALID;
	if (cs_int_parse(s, n, &v) != 0 || v < 1 || v > CHASE_MAX_STEPS)
		return CS_VALUE_INVALID;
	*step = (int)v;
	return 0;
}

/* Write a step as the output names it (buf of CHASE_STEP_BUFSIZE). */
char *
chase_step_format(int step, char *buf)
{
	if (step == CHASE_SWEEP)
		snprintf(buf, CHASE_STEP_BUFSIZE, "sweep");
	else if (step == CHASE_PRECLOSE)
		snprintf(buf, CHASE_STEP_BUFSIZE, "preclose");
	else
		snprintf(buf, CHASE_STEP_BUFSIZE, "%d", step);
	return buf;
}
