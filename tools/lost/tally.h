/*
 * The tally of inquiries by group. A group key is the group fields' values
 * joined by LOST_KEY_SEP; each group holds counts only, so memory grows
 * with the number of groups, never with rows. Rates are computed at the
 * end, from the counts, by the caller.
 */
#ifndef LOST_TALLY_H
#define LOST_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"

#define LOST_KEY_SEP	'\x1f'

struct lost_counts {
	int64_t	inquiries;
	int64_t	ordered;
	int64_t	paid;
	int64_t	revenue;	/* cents, of the paid inquiries */
	int64_t	frt_ms;		/* sum of first-response times */
	int64_t	frt_n;		/* inquiries that have one */
};

struct lost_group {
	const char		*key;
	size_t			 keylen;
	struct lost_counts	 c;
};

enum lost_sort {
	LOST_SORT_LOST,
	LOST_SORT_CONVERSION,
	LOST_SORT_INQUIRIES,
	LOST_SORT_RESPONSE,
	LOST_SORT_REVENUE,
	LOST_SORT_KEY
};

struct lost_tally {
	struct cs_map		 groups;
	struct lost_counts	 total;
};

void	 lost_tally_init(struct lost_tally *);
void	 lost_tally_add(struct lost_tally *, const char *, size_t, bool, bool,
	    int64_t, int64_t);
size_t	 lost_tally_sorted(struct lost_tally *, enum lost_sort, bool,
	    struct lost_group ***);
int	 lost_sort_parse(const char *, enum lost_sort *);
void	 lost_tally_free(struct lost_tally *);

#endif
