/*
 * Order crediting: inquiries sorted by (buyer, time, input order); an order
 * is a binary search for its buyer's last inquiry not after it.
 */
#include "config.h"

#include <stdlib.h>

#include "credit.h"
#include "datetime.h"
#include "xmalloc.h"

struct lost_credit {
	const uint32_t	*buyer;
	const int64_t	*at;
	size_t		*order;		/* inquiry indices, sorted */
	size_t		 n;
};

static const struct lost_credit *sorting;

static int
cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct lost_credit *c = sorting;

	if (c->buyer[a] != c->buyer[b])
		return c->buyer[a] < c->buyer[b] ? -1 : 1;
	if (c->at[a] != c->at[b])
		return c->at[a] < c->at[b] ? -1 : 1;
	return (a > b) - (a < b);
}

/*
 * Index n inquiries by buyer id and time (seconds). The arrays stay the
 * caller's and must outlive the index.
 */
struct lost_credit *
lost_credit_new(const uint32_t *buyer, const int64_t *at, size_t n)
{
	struct lost_credit *c = cs_xcalloc(1, sizeof *c);

	c->buyer = buyer;
	c->at = at;
	c->n = n;
	c->order = cs_xcalloc(n + 1, sizeof *c->order);
	for (size_t i = 0; i < n; i++)
		c->order[i] = i;
	sorting = c;
	qsort(c->order, n, sizeof *c->order, cmp);
	return c;
}

/*
 * The inquiry an order of buyer created at time at is credited to, or -1.
 * Among inquiries at the same second the later one in the input wins.
 */
long
lost_credit_find(const struct lost_credit *c, uint32_t buyer, int64_t at,
    int window_days)
{
	size_t lo = 0, hi = c->n;

	/* First position past every (buyer, time <= at). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = c->order[mid];
		if (c->buyer[i] < buyer ||
		    (c->buyer[i] == buyer && c->at[i] <= at))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return -1;
	size_t i = c->order[lo - 1];
	if (c->buyer[i] != buyer)
		return -1;
	int64_t days = cs_floor_div(at, CS_DAY_SECONDS) -
	    cs_floor_div(c->at[i], CS_DAY_SECONDS);
	return days < window_days ? (long)i : -1;
}

/* Free the index. */
void
lost_credit_free(struct lost_credit *c)
{
	if (c == NULL)
		return;
	free(c->order);
	free(c);
}
