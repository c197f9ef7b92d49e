/*
 * The item table (--items): which product an order is for, by the shop's
 * own code (商家编码) or by a keyword of its title, and that product's role
 * and category.
 *
 * Items are kept in the order they were added; the first one that matches
 * wins. An item with a sku matches an order holding that sku (exactly); an
 * item without one matches an order whose title contains its keyword. An
 * order of several lines holds several skus and titles: seg_items_match
 * takes them joined by SEG_JOIN and matches each sku alone.
 *
 * Memory: the table copies what it is given into its arena; results point
 * into it and live until seg_items_free. Matching allocates nothing, except
 * that the last SEG_ITEMS_MEMO distinct (skus, title) pairs are remembered:
 * an export repeats its products, and the keyword search is what costs.
 */
#ifndef SEG_ITEMS_H
#define SEG_ITEMS_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "map.h"
#include "values.h"

/* How the lines of one order are joined in its item and sku fields. */
#define SEG_JOIN	" | "
#define SEG_ITEMS_MEMO	65536

struct seg_item {
	const char	*sku;		/* "" when matched by keyword */
	const char	*keyword;
	enum seg_role	 role;
	const char	*category;
	size_t		 category_len;
	long		 line;		/* where it was defined, for messages */
};

struct seg_items {
	struct seg_item	*v;
	size_t		 n, cap;
	struct cs_map	 by_sku;	/* sku -> index + 1 */
	struct cs_map	 by_keyword;	/* keyword -> index + 1 (duplicates) */
	size_t		*keyworded;	/* indexes of keyword items, in order */
	size_t		 nkeyworded;
	struct cs_map	 memo;		/* skus '\0' title -> index + 1, or 0 */
	struct cs_buf	 key;		/* the memo key being looked up */
	struct cs_arena	 arena;
};

void	 seg_items_init(struct seg_items *);
const struct seg_item *seg_items_add(struct seg_items *, const char *, size_t,
	    const char *, size_t, enum seg_role, const char *, size_t, long);
const struct seg_item *seg_items_match(struct seg_items *, const char *,
	    size_t, const char *, size_t);
void	 seg_items_free(struct seg_items *);

#endif
