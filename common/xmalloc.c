/*
 * Allocation wrappers: every failure is fatal, every size product is
 * checked for overflow before it reaches the allocator.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "xmalloc.h"

/* Allocate size bytes or exit. */
void *
cs_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		cs_die(_("out of memory"));
	return p;
}

/* Allocate a zeroed array or exit. */
void *
cs_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		cs_die(_("out of memory"));
	return p;
}

/* Resize p to size bytes or exit. */
void *
cs_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		cs_die(_("out of memory"));
	return p;
}

/* Resize p to n elements of size bytes, checking the product, or exit. */
void *
cs_xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		cs_die(_("out of memory"));
	return cs_xrealloc(p, n * size);
}

/* Copy a string or exit. */
char *
cs_xstrdup(const char *s)
{
	return cs_xmemdup(s, strlen(s));
}

/* Copy n bytes and a terminating NUL or exit. */
char *
cs_xmemdup(const void *s, size_t n)
{
	char *p = cs_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
