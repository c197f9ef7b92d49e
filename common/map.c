/*
 * Open addressing with linear probing over a table of 32-bit indices into
 * the entry array; the table doubles at 50 % load. The hash is FNV-1a over
 * 8-byte words (fast on short keys such as agent names and dates).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "diag.h"
#include "i18n.h"
#include "xmalloc.h"

#define FNV_PRIME	0x100000001b3ULL

/*
 * Hash n bytes. The length seeds it; the bytes go in eight at a time, and
 * the last few as one more word (the last eight, overlapping the words
 * before, or the short key's bytes assembled), so a key costs a multiply a
 * word, not one a byte.
 */
uint64_t
cs_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ n, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * FNV_PRIME;
		h ^= h >> 32;
	}
	if (i < n) {
		const unsigned char *u = (const unsigned char *)s;
		if (n >= 8)
			memcpy(&w, s + n - 8, 8);
		else if (n >= 4) {
			uint32_t a, b;
			memcpy(&a, s, 4);
			memcpy(&b, s + n - 4, 4);
			w = a | (uint64_t)b << 32;
		} else
			w = u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16;
		h = (h ^ w) * FNV_PRIME;
		h ^= h >> 32;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h;
}

/* Start an empty map. */
void
cs_map_init(struct cs_map *m)
{
	memset(m, 0, sizeof *m);
	cs_arena_init(&m->arena);
}

static size_t
probe(const struct cs_map *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->nslots - 1, i = (size_t)h & mask;

	for (;;) {
		uint32_t e = m->slots[i];
		if (e == 0)
			return i;
		const struct cs_map_entry *en = &m->entries[e - 1];
		if (en->hash == h && en->len == len &&
		    memcmp(en->key, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

static void
grow(struct cs_map *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 64;

	free(m->slots);
	m->slots = cs_xcalloc(n, sizeof *m->slots);
	m->nslots = n;
	for (size_t e = 0; e < m->count; e++) {
		size_t i = (size_t)m->entries[e].hash & (n - 1);
		while (m->slots[i] != 0)
			i = (i + 1) & (n - 1);
		m->slots[i] = (uint32_t)(e + 1);
	}
}

/* The entry of key, or NULL. */
struct cs_map_entry *
cs_map_find(const struct cs_map *m, const char *key, size_t len)
{
	if (m->count == 0)
		return NULL;
	size_t i = probe(m, key, len, cs_hash(key, len));
	return m->slots[i] != 0 ? &m->entries[m->slots[i] - 1] : NULL;
}

/*
 * The entry of key, inserted with a NULL value if absent (then *created
 * is set). The pointer is valid until the next insertion.
 */
struct cs_map_entry *
cs_map_insert(struct cs_map *m, const char *key, size_t len, bool *created)
{
	uint64_t h = cs_hash(key, len);
	size_t i;

	if ((m->count + 1) * 2 > m->nslots)
		grow(m);
	i = probe(m, key, len, h);
	if (m->slots[i] != 0) {
		if (created != NULL)
			*created = false;
		return &m->entries[m->slots[i] - 1];
	}
	if (m->count == UINT32_MAX - 1)
		cs_die(_("too many distinct keys"));
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->entries = cs_xreallocarray(m->entries, m->cap,
		    sizeof *m->entries);
	}
	struct cs_map_entry *e = &m->entries[m->count];
	e->key = cs_arena_strndup(&m->arena, key, len);
	e->len = len;
	e->hash = h;
	e->value = NULL;
	m->slots[i] = (uint32_t)(++m->count);
	if (created != NULL)
		*created = true;
	return e;
}

/* The i-th entry in insertion order. */
struct cs_map_entry *
cs_map_entry(const struct cs_map *m, size_t i)
{
	return &m->entries[i];
}

/* Number of keys. */
size_t
cs_map_count(const struct cs_map *m)
{
	return m->count;
}

/* Free the map and its keys (not what the values point to). */
void
cs_map_free(struct cs_map *m)
{
	free(m->slots);
	free(m->entries);
	cs_arena_free(&m->arena);
	memset(m, 0, sizeof *m);
}
