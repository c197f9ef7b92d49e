/*
 * Allocation that never returns NULL: on exhaustion the program says so and
 * exits 1 (through cs_die, so a half-written -o file is removed).
 */
#ifndef CS_XMALLOC_H
#define CS_XMALLOC_H

#include <stddef.h>

void	*cs_xmalloc(size_t);
void	*cs_xcalloc(size_t, size_t);
void	*cs_xrealloc(void *, size_t);
void	*cs_xreallocarray(void *, size_t, size_t);
char	*cs_xstrdup(const char *);
char	*cs_xmemdup(const void *, size_t);

#endif
