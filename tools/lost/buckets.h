/*
 * First-response buckets: edges in milliseconds, ascending; bucket i holds
 * times in [edge[i-1], edge[i]), the last one edge[n-1] and more, and one
 * more index means unknown. Labels read like 0-10s, 30-60s, 1-3m, 5m+.
 */
#ifndef LOST_BUCKETS_H
#define LOST_BUCKETS_H

#include <stddef.h>
#include <stdint.h>

#define LOST_BUCKETS_MAX	32
#define LOST_BUCKET_LABEL	64

struct lost_buckets {
	int64_t	edge[LOST_BUCKETS_MAX];
	size_t	n;
};

int	 lost_buckets_parse(const char *, struct lost_buckets *);
size_t	 lost_bucket_of(const struct lost_buckets *, int64_t);
char	*lost_bucket_label(const struct lost_buckets *, size_t, char *);

#endif
