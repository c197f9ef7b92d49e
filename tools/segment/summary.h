/*
 * The --summary table: orders and amount per segment and channel, for
 * deciding how many agents chase and through which channel.
 *
 * Groups are ordered by rank (the caller gives the matching rule's
 * position, so the table reads in the order of the rules), then segment
 * name, then channel. Memory: one entry per group, never per order.
 */
#ifndef SEG_SUMMARY_H
#define SEG_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "map.h"
#include "values.h"

struct seg_group {
	const char	*segment;
	enum seg_channel channel;
	size_t		 rank;
	int64_t		 orders;
	int64_t		 amount;	/* cents */
};

struct seg_summary {
	struct cs_map	 groups;	/* segment '\0' channel -> group */
	struct seg_group total;
	struct cs_buf	 key;		/* the key being looked up */
};

void	 seg_summary_init(struct seg_summary *);
void	 seg_summary_add(struct seg_summary *, const char *, enum seg_channel,
	    size_t, int64_t);
size_t	 seg_summary_sorted(const struct seg_summary *, struct seg_group ***);
void	 seg_summary_free(struct seg_summary *);

#endif
