/*
 * The holdout (对照组): a share of orders that is never chased, so that
 * chasing can be measured against what would have happened anyway.
 *
 * An order is held out when a hash of the salt and its order id, read as a
 * fraction in [0, 1), is below the share. The hash is fixed here (64-bit
 * FNV-1a over the salt, one 0x1F byte and the id, then the SplitMix64
 * finaliser), not borrowed from the hash map, so that the choice of an
 * order never changes between runs, machines or versions: the same id and
 * salt are held out in the first run of the night and in the last.
 */
#ifndef CHASE_HOLDOUT_H
#define CHASE_HOLDOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

uint64_t chase_holdout_hash(const char *, size_t, const char *, size_t);
double	 chase_holdout_fraction(uint64_t);
bool	 chase_holdout(double, const char *, size_t, const char *, size_t);

#endif
