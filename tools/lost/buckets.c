/*
 * Response-time buckets.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "buckets.h"
#include "value.h"

/*
 * Parse "10,30,60,180,300" (seconds, or durations such as 3m) into b.
 * Returns 0, or -1 if a value is not a duration, not above the one before
 * it, or there are more than LOST_BUCKETS_MAX.
 */
int
lost_buckets_parse(const char *s, struct lost_buckets *b)
{
	b->n = 0;
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t n = comma != NULL ? (size_t)(comma - s) : strlen(s);
		int64_t ms;
		if (b->n == LOST_BUCKETS_MAX ||
		    cs_duration_parse(s, n, &ms) != 0 || ms <= 0 ||
		    (b->n > 0 && ms <= b->edge[b->n - 1]))
			return -1;
		b->edge[b->n++] = ms;
		if (comma == NULL)
			return 0;
		s = comma + 1;
	}
}

/* The bucket of a response time in ms; negative means unknown (b->n + 1). */
size_t
lost_bucket_of(const struct lost_buckets *b, int64_t ms)
{
	size_t i;

	if (ms < 0)
		return b->n + 1;
	for (i = 0; i < b->n; i++)
		if (ms < b->edge[i])
			return i;
	return b->n;
}

/* A time in seconds or whole minutes, as labels write it. */
static void
span(char *out, size_t size, int64_t ms, int minutes)
{
	if (minutes)
		snprintf(out, size, "%lld", (long long)(ms / 60000));
	else if (ms % 1000 == 0)
		snprintf(out, size, "%lld", (long long)(ms / 1000));
	else
		snprintf(out, size, "%lld.%lld", (long long)(ms / 1000),
		    (long long)(ms % 1000 / 100));
}

/*
 * The label of bucket i into buf (LOST_BUCKET_LABEL bytes): a range is in
 * minutes when both ends are whole minutes (1-3m), else in seconds
 * (30-60s); the last is "5m+"; the unknown bucket is "unknown".
 */
char *
lost_bucket_label(const struct lost_buckets *b, size_t i, char *buf)
{
	char lo[24], hi[24];

	if (i > b->n) {
		snprintf(buf, LOST_BUCKET_LABEL, "unknown");
		return buf;
	}
	int64_t a = i == 0 ? 0 : b->edge[i - 1];
	if (i == b->n) {
		int m = a % 60000 == 0;
		span(lo, sizeof lo, a, m);
		snprintf(buf, LOST_BUCKET_LABEL, "%s%s+", lo, m ? "m" : "s");
		return buf;
	}
	int64_t z = b->edge[i];
	int m = a > 0 && a % 60000 == 0 && z % 60000 == 0;
	span(lo, sizeof lo, a, m);
	span(hi, sizeof hi, z, m);
	snprintf(buf, LOST_BUCKET_LABEL, "%s-%s%s", lo, hi, m ? "m" : "s");
	return buf;
}
