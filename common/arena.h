/*
 * An arena hands out memory that lives until cs_arena_free (or, for a
 * mark, until cs_arena_reset to that mark). It is how group keys, side-file
 * tables and interned strings are stored without an allocation per row:
 * blocks of 64 KiB or more are taken from malloc and never moved, so a
 * pointer into the arena stays valid for the arena's life.
 */
#ifndef CS_ARENA_H
#define CS_ARENA_H

#include <stddef.h>

struct cs_arena_block;

struct cs_arena {
	struct cs_arena_block	*head;	/* newest block, where allocation happens */
	size_t			 used;	/* bytes handed out, for reports */
};

void	 cs_arena_init(struct cs_arena *);
void	*cs_arena_alloc(struct cs_arena *, size_t);
char	*cs_arena_strndup(struct cs_arena *, const char *, size_t);
char	*cs_arena_strdup(struct cs_arena *, const char *);
void	 cs_arena_free(struct cs_arena *);

#endif
