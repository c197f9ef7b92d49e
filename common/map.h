/*
 * A hash map from byte strings to pointers, for groups, side files and
 * memoised lookups. Keys are copied into the map's arena on insertion and
 * live as long as the map. Entries stay in insertion order in an array
 * (cs_map_entry), so iteration is deterministic and a caller may sort a
 * copy of it. Lookups of an existing key do not allocate.
 */
#ifndef CS_MAP_H
#define CS_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct cs_map_entry {
	const char	*key;		/* NUL-terminated copy */
	size_t		 len;
	uint64_t	 hash;
	void		*value;
};

struct cs_map {
	uint32_t		*slots;		/* entry index + 1; 0 = empty */
	size_t			 nslots;	/* power of two */
	struct cs_map_entry	*entries;
	size_t			 count, cap;
	struct cs_arena		 arena;		/* keys; free for callers too */
};

void	 cs_map_init(struct cs_map *);
struct cs_map_entry *cs_map_find(const struct cs_map *, const char *, size_t);
struct cs_map_entry *cs_map_insert(struct cs_map *, const char *, size_t,
	    bool *);
struct cs_map_entry *cs_map_entry(const struct cs_map *, size_t);
size_t	 cs_map_count(const struct cs_map *);
void	 cs_map_free(struct cs_map *);
uint64_t cs_hash(const char *, size_t);

#endif
