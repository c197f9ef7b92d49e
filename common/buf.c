/*
 * Growable byte buffer. Capacity doubles, so n appends cost O(n) in all.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

/* Make room for n more bytes and the NUL. */
void
cs_buf_grow(struct cs_buf *b, size_t n)
{
	size_t need = b->len + n + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->data = cs_xrealloc(b->data, cap);
	b->cap = cap;
}

/* Append n bytes. */
void
cs_buf_add(struct cs_buf *b, const void *p, size_t n)
{
	cs_buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append one byte. */
void
cs_buf_addc(struct cs_buf *b, int c)
{
	cs_buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

/* Append a NUL-terminated string. */
void
cs_buf_adds(struct cs_buf *b, const char *s)
{
	cs_buf_add(b, s, strlen(s));
}

/* Append printf-formatted text. */
void
cs_buf_printf(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cs_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Append vprintf-formatted text. */
void
cs_buf_vprintf(struct cs_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	cs_buf_grow(b, 64);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	if (n >= 0 && (size_t)n >= b->cap - b->len) {
		cs_buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
	}
	va_end(ap2);
	if (n > 0)
		b->len += (size_t)n;
}

/* Empty the buffer, keeping its memory. */
void
cs_buf_reset(struct cs_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Release the memory. */
void
cs_buf_free(struct cs_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
