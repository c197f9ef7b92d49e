/*
 * The holdout hash. FNV-1a alone leaves ids that differ only in their last
 * digits close together in the high bits; the finaliser spreads them.
 */
#include "config.h"

#include "holdout.h"

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/* The hash of an order id under a salt. */
uint64_t
chase_holdout_hash(const char *salt, size_t saltlen, const char *id,
    size_t idlen)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv(h, salt, saltlen);
	h = fnv(h, "\x1f", 1);
	h = fnv(h, id, idlen);
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

/* A hash as a fraction in [0, 1): its top 53 bits. */
double
chase_holdout_fraction(uint64_t h)
{
	return (double)(h >> 11) / 9007199254740992.0;	/* 2^53 */
}

/* Whether the order id is held out at share p (0 <= p <= 1). */
bool
chase_holdout(double p, const char *salt, size_t saltlen, const char *id,
    size_t idlen)
{
	if (p <= 0)
		return false;
	return chase_holdout_fraction(chase_holdout_hash(salt, saltlen, id,
	    idlen)) < p;
}
