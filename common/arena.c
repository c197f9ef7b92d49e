/*
 * Arena: a list of blocks, newest first. Allocations are aligned for any
 * type and never freed one by one. A request larger than a block gets a
 * block of its own, so no size is refused.
 */
#include "config.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define ARENA_BLOCK	(64 * 1024)

struct cs_arena_block {
	struct cs_arena_block	*next;
	size_t			 size;	/* bytes in data[] */
	size_t			 off;	/* first free byte */
	alignas(max_align_t) unsigned char data[];
};

/* Start an empty arena. */
void
cs_arena_init(struct cs_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

/* Return size bytes aligned for any object, valid until cs_arena_free. */
void *
cs_arena_alloc(struct cs_arena *a, size_t size)
{
	struct cs_arena_block *b = a->head;
	const size_t align = alignof(max_align_t);
	size_t off;

	if (size == 0)
		size = 1;
	if (b != NULL) {
		off = (b->off + align - 1) & ~(align - 1);
		if (off <= b->size && size <= b->size - off) {
			b->off = off + size;
			a->used += size;
			return b->data + off;
		}
	}
	size_t bsize = size > ARENA_BLOCK ? size : ARENA_BLOCK;
	b = cs_xmalloc(sizeof(*b) + bsize);
	b->size = bsize;
	b->off = size;
	/* A block made for one big request goes behind the current one, so
	 * the space left in the current block is not wasted. */
	if (size > ARENA_BLOCK / 2 && a->head != NULL) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	a->used += size;
	return b->data;
}

/* Copy n bytes of s and a NUL into the arena. */
char *
cs_arena_strndup(struct cs_arena *a, const char *s, size_t n)
{
	char *p = cs_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Copy the string s into the arena. */
char *
cs_arena_strdup(struct cs_arena *a, const char *s)
{
	return cs_arena_strndup(a, s, strlen(s));
}

/* Release every block; the arena is empty and reusable afterwards. */
void
cs_arena_free(struct cs_arena *a)
{
	struct cs_arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	cs_arena_init(a);
}
