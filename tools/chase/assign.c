/*
 * Agents and the round-robin. A handful of agents: lookups are linear.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "value.h"
#include "xmalloc.h"

/* Start an empty set. */
void
chase_agents_init(struct chase_agents *s)
{
	memset(s, 0, sizeof *s);
	cs_arena_init(&s->arena);
}

/*
 * Add an agent. Returns its index, or -1 when the name is empty or already
 * in the set.
 */
int
chase_agents_add(struct chase_agents *s, const char *name, size_t n,
    int weight, unsigned channels)
{
	if (n == 0 || chase_agents_find(s, name, n) >= 0)
		return -1;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->a = cs_xreallocarray(s->a, s->cap, sizeof *s->a);
	}
	struct chase_agent *a = &s->a[s->n];
	memset(a, 0, sizeof *a);
	a->name = cs_arena_strndup(&s->arena, name, n);
	a->len = n;
	a->weight = weight;
	a->channels = channels;
	return (int)s->n++;
}

/* Whether s[i..] starts with a separator of channel names; its length. */
static size_t
separator(const char *s, size_t n)
{
	static const char *const seps[] = { "+", "/", "|", ";", ",", " ",
		"、", "，", "；", NULL };

	for (size_t k = 0; seps[k] != NULL; k++) {
		size_t m = strlen(seps[k]);
		if (m <= n && memcmp(s, seps[k], m) == 0)
			return m;
	}
	return 0;
}

/*
 * Parse a list of channels ("wangwang+sms", "旺旺/电话", "all") into a
 * mask. Empty, "all" and "*" are every channel. Returns 0 or -1.
 */
int
chase_channels_parse(const char *s, size_t n, unsigned *mask)
{
	size_t i = 0;

	*mask = 0;
	if (n == 0 || (n == 3 && memcmp(s, "all", 3) == 0) ||
	    (n == 1 && s[0] == '*')) {
		*mask = CHASE_ALL_CHANNELS;
		return 0;
	}
	while (i < n) {
		size_t j = i, k;
		while (j < n && separator(s + j, n - j) == 0)
			j++;
		if (j > i) {
			int ch;
			if (chase_channel_parse(s + i, j - i, &ch) != 0 ||
			    ch == CHASE_NONE)
				return -1;
			*mask |= 1u << ch;
		}
		if (j == n)
			break;
		k = separator(s + j, n - j);
		i = j + k;
	}
	return *mask != 0 ? 0 : -1;
}

/*
 * Parse an agent list "NAME[:WEIGHT[:CHANNELS]],..." (weight 1 and every
 * channel by default; channels joined by '+' or '/'). Returns 0, or -1
 * when it is malformed or names an agent twice.
 */
int
chase_agents_parse_list(struct chase_agents *s, const char *list)
{
	const char *p = list;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		const char *c1 = memchr(p, ':', len), *c2 = NULL;
		size_t namelen = c1 != NULL ? (size_t)(c1 - p) : len;
		int64_t weight = 1;
		unsigned mask = CHASE_ALL_CHANNELS;

		if (c1 != NULL) {
			const char *end = p + len;
			c2 = memchr(c1 + 1, ':', (size_t)(end - c1 - 1));
			size_t wlen = c2 != NULL ? (size_t)(c2 - c1 - 1) :
			    (size_t)(end - c1 - 1);
			if (cs_int_parse(c1 + 1, wlen, &weight) != 0 ||
			    weight < 0 || weight > CHASE_MAX_WEIGHT)
				return -1;
			if (c2 != NULL && chase_channels_parse(c2 + 1,
			    (size_t)(end - c2 - 1), &mask) != 0)
				return -1;
		}
		if (chase_agents_add(s, p, namelen, (int)weight, mask) < 0)
			return -1;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	return 0;
}

/* The index of the agent named name, or -1. */
long
chase_agents_find(const struct chase_agents *s, const char *name, size_t n)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->a[i].len == n && memcmp(s->a[i].name, name, n) == 0)
			return (long)i;
	return -1;
}

/*
 * The agent who takes the next chase on channel ch, by smooth weighted
 * round-robin among the agents of that channel; -1 when no agent of
 * positive weight uses it. Ties go to the agent listed first.
 */
long
chase_agents_next(struct chase_agents *s, int ch)
{
	int64_t total = 0;
	long best = -1;

	for (size_t i = 0; i < s->n; i++) {
		struct chase_agent *a = &s->a[i];
		if (!(a->channels & (1u << ch)) || a->weight == 0)
			continue;
		a->credit[ch] += a->weight;
		total += a->weight;
		if (best < 0 || a->credit[ch] > s->a[best].credit[ch])
			best = (long)i;
	}
	if (best >= 0)
		s->a[best].credit[ch] -= total;
	return best;
}

/* Free the set. */
void
chase_agents_free(struct chase_agents *s)
{
	free(s->a);
	cs_arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}
