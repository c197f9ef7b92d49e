/*
 * Summary groups in a map, sorted once at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#include "summary.h"

/* Start an empty summary. */
void
seg_summary_init(struct seg_summary *s)
{
	memset(s, 0, sizeof *s);
	cs_map_init(&s->groups);
}

/* Count one order of amount cents in segment and channel; rank orders groups. */
void
seg_summary_add(struct seg_summary *s, const char *segment,
    enum seg_channel ch, size_t rank, int64_t amount)
{
	bool created;

	cs_buf_reset(&s->key);
	cs_buf_adds(&s->key, segment);
	cs_buf_addc(&s->key, '\0');
	cs_buf_addc(&s->key, '0' + (int)ch);
	struct cs_map_entry *e = cs_map_insert(&s->groups, s->key.data,
	    s->key.len, &created);
	struct seg_group *g = e->value;
	if (created) {
		g = cs_arena_alloc(&s->groups.arena, sizeof *g);
		memset(g, 0, sizeof *g);
		g->segment = cs_arena_strdup(&s->groups.arena, segment);
		g->channel = ch;
		g->rank = rank;
		e->value = g;
	}
	if (rank < g->rank)
		g->rank = rank;
	g->orders++;
	g->amount += amount;
	s->total.orders++;
	s->total.amount += amount;
}

static int
compare(const void *a, const void *b)
{
	const struct seg_group *x = *(struct seg_group *const *)a;
	const struct seg_group *y = *(struct seg_group *const *)b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = strcmp(x->segment, y->segment)) != 0)
		return c;
	return (int)x->channel - (int)y->channel;
}

/* The groups in order, in a new array the caller frees; returns the count. */
size_t
seg_summary_sorted(const struct seg_summary *s, struct seg_group ***out)
{
	size_t n = cs_map_count(&s->groups);
	struct seg_group **v = cs_xcalloc(n + 1, sizeof *v);

	for (size_t i = 0; i < n; i++)
		v[i] = cs_map_entry(&s->groups, i)->value;
	qsort(v, n, sizeof *v, compare);
	*out = v;
	return n;
}

/* Free the summary. */
void
seg_summary_free(struct seg_summary *s)
{
	cs_map_free(&s->groups);
	cs_buf_free(&s->key);
	memset(s, 0, sizeof *s);
}
