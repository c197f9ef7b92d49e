/*
 * The item table: a map from sku to the first item with it, and the
 * keyword items in file order. A match is the lowest index among the sku
 * hits and the first keyword found, so "the first row that matches wins"
 * holds across both kinds without scanning every row.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"
#include "xmalloc.h"

#include "items.h"

#define NOMATCH	SIZE_MAX

/* Start an empty table. */
void
seg_items_init(struct seg_items *t)
{
	memset(t, 0, sizeof *t);
	cs_map_init(&t->by_sku);
	cs_map_init(&t->by_keyword);
	cs_map_init(&t->memo);
	cs_arena_init(&t->arena);
}

/*
 * Add an item: a sku, or (with sku empty) a keyword of the title, with its
 * role and category; line is where it was read. Returns NULL when added,
 * or the earlier item with the same sku (or the same keyword, for an item
 * without sku): that one is kept, the new one dropped. One of sku and
 * keyword must not be empty.
 */
const struct seg_item *
seg_items_add(struct seg_items *t, const char *sku, size_t skulen,
    const char *kw, size_t kwlen, enum seg_role role, const char *cat,
    size_t catlen, long line)
{
	struct cs_map *m = skulen > 0 ? &t->by_sku : &t->by_keyword;
	bool created;
	struct cs_map_entry *e = skulen > 0 ?
	    cs_map_insert(m, sku, skulen, &created) :
	    cs_map_insert(m, kw, kwlen, &created);

	if (!created)
		return &t->v[(uintptr_t)e->value - 1];
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = cs_xreallocarray(t->v, t->cap, sizeof *t->v);
		t->keyworded = cs_xreallocarray(t->keyworded, t->cap,
		    sizeof *t->keyworded);
	}
	struct seg_item *it = &t->v[t->n];
	it->sku = cs_arena_strndup(&t->arena, sku, skulen);
	it->keyword = skulen > 0 ? "" : cs_arena_strndup(&t->arena, kw, kwlen);
	it->role = role;
	it->category = cs_arena_strndup(&t->arena, cat, catlen);
	it->category_len = catlen;
	it->line = line;
	if (skulen == 0)
		t->keyworded[t->nkeyworded++] = t->n;
	e->value = (void *)(uintptr_t)(t->n + 1);
	t->n++;
	return NULL;
}

static size_t
match(const struct seg_items *t, const char *skus, size_t skulen,
    const char *title, size_t titlelen)
{
	static const size_t joinlen = sizeof SEG_JOIN - 1;
	size_t best = NOMATCH;
	const char *p = skus, *end = skus + skulen;

	while (p < end && t->by_sku.count > 0) {
		const char *sep = NULL;
		for (const char *q = p; q + joinlen <= end; q++)
			if (memcmp(q, SEG_JOIN, joinlen) == 0) {
				sep = q;
				break;
			}
		const char *stop = sep != NULL ? sep : end;
		struct cs_map_entry *e = cs_map_find(&t->by_sku, p,
		    (size_t)(stop - p));
		if (e != NULL && (uintptr_t)e->value - 1 < best)
			best = (uintptr_t)e->value - 1;
		p = sep != NULL ? sep + joinlen : end;
	}
	for (size_t k = 0; k < t->nkeyworded; k++) {
		size_t i = t->keyworded[k];
		if (i > best)
			break;
		if (cs_contains(title, titlelen, t->v[i].keyword)) {
			best = i;
			break;
		}
	}
	return best;
}

/*
 * The first item matching an order: skus are the order's skus joined by
 * SEG_JOIN, title its titles (joined the same way). NULL when none does.
 */
const struct seg_item *
seg_items_match(struct seg_items *t, const char *skus, size_t skulen,
    const char *title, size_t titlelen)
{
	size_t i;

	if (t->n == 0)
		return NULL;
	if (t->nkeyworded == 0 || titlelen == 0) {
		i = match(t, skus, skulen, title, titlelen);
		return i != NOMATCH ? &t->v[i] : NULL;
	}
	/* Memoised by skus '\0' title, built in a reused buffer. */
	cs_buf_reset(&t->key);
	cs_buf_add(&t->key, skus, skulen);
	cs_buf_addc(&t->key, '\0');
	cs_buf_add(&t->key, title, titlelen);
	struct cs_map_entry *e = cs_map_find(&t->memo, t->key.data, t->key.len);
	if (e != NULL)
		i = (uintptr_t)e->value;
	else {
		size_t m = match(t, skus, skulen, title, titlelen);
		i = m != NOMATCH ? m + 1 : 0;
		if (cs_map_count(&t->memo) < SEG_ITEMS_MEMO)
			cs_map_insert(&t->memo, t->key.data, t->key.len,
			    NULL)->value = (void *)(uintptr_t)i;
	}
	return i > 0 ? &t->v[i - 1] : NULL;
}

/* Free the table. */
void
seg_items_free(struct seg_items *t)
{
	free(t->v);
	free(t->keyworded);
	cs_map_free(&t->by_sku);
	cs_map_free(&t->by_keyword);
	cs_map_free(&t->memo);
	cs_buf_free(&t->key);
	cs_arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
