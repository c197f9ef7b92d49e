/*
 * Tally: a map from group key to counts, and the orders a report sorts by.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tally.h"
#include "xmalloc.h"

/* Start an empty tally. */
void
lost_tally_init(struct lost_tally *t)
{
	cs_map_init(&t->groups);
	memset(&t->total, 0, sizeof t->total);
}

static void
count(struct lost_counts *c, bool ordered, bool paid, int64_t revenue,
    int64_t frt_ms)
{
	c->inquiries++;
	c->ordered += ordered;
	c->paid += paid;
	if (paid)
		c->revenue += revenue;
	if (frt_ms >= 0) {
		c->frt_ms += frt_ms;
		c->frt_n++;
	}
}

/*
 * Count one inquiry in the group key[0..len): whether it ordered and paid,
 * the revenue it brought (cents, counted when paid) and its first-response
 * time in ms (negative when unknown).
 */
void
lost_tally_add(struct lost_tally *t, const char *key, size_t len, bool ordered,
    bool paid, int64_t revenue, int64_t frt_ms)
{
	bool created;
	struct cs_map_entry *e = cs_map_insert(&t->groups, key, len, &created);

	if (created) {
		struct lost_group *g = cs_arena_alloc(&t->groups.arena, sizeof *g);
		memset(g, 0, sizeof *g);
		g->key = e->key;
		g->keylen = e->len;
		e->value = g;
	}
	count(&((struct lost_group *)e->value)->c, ordered, paid, revenue,
	    frt_ms);
	count(&t->total, ordered, paid, revenue, frt_ms);
}

/* qsort has no context argument; the report is sorted once, single-threaded. */
static enum lost_sort	sort_by;
static int		sort_sign;

static int
cmp_key(const struct lost_group *a, const struct lost_group *b)
{
	size_t n = a->keylen < b->keylen ? a->keylen : b->keylen;
	int c = memcmp(a->key, b->key, n);

	if (c != 0)
		return c;
	return (a->keylen > b->keylen) - (a->keylen < b->keylen);
}

static int
cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Compare a/b with c/d exactly, without division (all non-negative). */
static int
cmp_frac(int64_t a, int64_t b, int64_t c, int64_t d)
{
#ifdef __SIZEOF_INT128__
	__int128 l = (__int128)a * d, r = (__int128)c * b;
#else
	long double l = (long double)a * d, r = (long double)c * b;
#endif
	return (l > r) - (l < r);
}

static int
compare(const void *pa, const void *pb)
{
	const struct lost_group *a = *(const struct lost_group *const *)pa;
	const struct lost_group *b = *(const struct lost_group *const *)pb;
	int c = 0;

	switch (sort_by) {
	case LOST_SORT_LOST:
		c = -cmp_int(a->c.inquiries - a->c.paid, b->c.inquiries - b->c.paid);
		break;
	case LOST_SORT_CONVERSION:
		c = -cmp_frac(a->c.paid, a->c.inquiries, b->c.paid, b->c.inquiries);
		break;
	case LOST_SORT_INQUIRIES:
		c = -cmp_int(a->c.inquiries, b->c.inquiries);
		break;
	case LOST_SORT_RESPONSE:
		/* Fastest first; groups with no response time at the end. */
		if ((a->c.frt_n == 0) != (b->c.frt_n == 0))
			return a->c.frt_n == 0 ? 1 : -1;
		if (a->c.frt_n != 0)
			c = cmp_frac(a->c.frt_ms, a->c.frt_n, b->c.frt_ms, b->c.frt_n);
		break;
	case LOST_SORT_REVENUE:
		c = -cmp_int(a->c.revenue, b->c.revenue);
		break;
	case LOST_SORT_KEY:
		c = cmp_key(a, b);
		break;
	}
	if (c != 0)
		return c * sort_sign;
	return cmp_key(a, b);
}

/*
 * The groups sorted by the report's order (reverse flips it; ties go by
 * key, ascending), as a new array of pointers into the tally.
 */
size_t
lost_tally_sorted(struct lost_tally *t, enum lost_sort by, bool reverse,
    struct lost_group ***out)
{
	size_t n = cs_map_count(&t->groups);
	struct lost_group **v = cs_xcalloc(n + 1, sizeof *v);

	for (size_t i = 0; i < n; i++)
		v[i] = cs_map_entry(&t->groups, i)->value;
	sort_by = by;
	sort_sign = reverse ? -1 : 1;
	qsort(v, n, sizeof *v, compare);
	*out = v;
	return n;
}

/* Parse a --sort value; 0 on success. */
int
lost_sort_parse(const char *s, enum lost_sort *by)
{
	static const struct {
		const char	*name;
		enum lost_sort	 by;
	} names[] = {
		{ "lost", LOST_SORT_LOST }, { "conversion", LOST_SORT_CONVERSION },
		{ "inquiries", LOST_SORT_INQUIRIES },
		{ "response", LOST_SORT_RESPONSE }, { "revenue", LOST_SORT_REVENUE },
		{ "key", LOST_SORT_KEY },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*by = names[i].by;
			return 0;
		}
	return -1;
}

/* Free the tally. */
void
lost_tally_free(struct lost_tally *t)
{
	cs_map_free(&t->groups);
}
