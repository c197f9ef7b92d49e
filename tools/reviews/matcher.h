/*
 * Many words found in one pass: an Aho-Corasick automaton over bytes.
 *
 * Keys are byte strings (UTF-8 words, emoji, punctuation) with an int
 * value each, from 0 to INT_MAX (a negative value aborts: -1 marks "no
 * key" inside). rv_matcher_build turns them into a full transition table
 * over byte classes (the bytes that occur in some key; every other byte
 * is one class), so a scan costs one table step a byte whatever the number
 * of keys. ASCII letters match either case.
 *
 * A scan returns the matches as a segmentation, leftmost-longest: from the
 * left, the longest key that starts at the current byte is taken and the
 * scan goes on after it; where no key starts, one byte is skipped. So
 * "没有色差" gives 没有 + 色差 when both are keys, and "不错" gives 不错, not
 * 不 + 错. Keys of valid UTF-8 only match at character boundaries.
 *
 * A 3-byte UTF-8 character (most of Chinese) takes one step rather than
 * three when the scan has seen the same character in the same state
 * before: struct rv_scan keeps the recent ones (where no key ends inside
 * the character) in a small cache, so the automaton's steps are the same,
 * only fewer.
 *
 * Memory: the matcher owns its tables. A struct rv_scan holds the hits of
 * the last scan and grows to the longest text seen, and its cache of
 * steps (128 KB); it is reused text after text, so scanning does not
 * allocate once warmed up. A scan used with another matcher starts its
 * cache afresh.
 */
#ifndef RV_MATCHER_H
#define RV_MATCHER_H

#include <stddef.h>
#include <stdint.h>

struct rv_hit {
	uint32_t	 start;		/* byte offset in the text */
	uint32_t	 len;		/* bytes */
	int		 value;		/* the key's value */
};

struct rv_step;

/* Per byte of a scanned text: the longest key starting there (len 0:
 * none). */
struct rv_best {
	uint32_t	 len;
	int		 value;
};

struct rv_scan {
	struct rv_hit	*hits;
	size_t		 n;
	size_t		 cap;
	struct rv_best	*best;		/* per byte of the text */
	size_t		 bestcap;
	struct rv_step	*steps;		/* recent 3-byte character steps */
	uint64_t	 owner;		/* the matcher they belong to */
};

#define RV_SCAN_INIT	{ NULL, 0, 0, NULL, 0, NULL, 0 }

struct rv_matcher;

struct rv_matcher *rv_matcher_new(void);
void	 rv_matcher_add(struct rv_matcher *, const char *, size_t, int);
void	 rv_matcher_build(struct rv_matcher *);
size_t	 rv_matcher_states(const struct rv_matcher *);
size_t	 rv_matcher_scan(const struct rv_matcher *, const char *, size_t,
	    struct rv_scan *);
void	 rv_scan_free(struct rv_scan *);
void	 rv_matcher_free(struct rv_matcher *);

#endif
