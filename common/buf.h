/*
 * A growable byte buffer, always NUL-terminated after its len bytes. It is
 * reused row after row (cs_buf_reset keeps the memory), so it costs an
 * allocation only when a row is longer than any before it.
 */
#ifndef CS_BUF_H
#define CS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct cs_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

#define CS_BUF_INIT	{ NULL, 0, 0 }

void	 cs_buf_grow(struct cs_buf *, size_t);
void	 cs_buf_adds(struct cs_buf *, const char *);
void	 cs_buf_printf(struct cs_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 cs_buf_vprintf(struct cs_buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 cs_buf_reset(struct cs_buf *);
void	 cs_buf_free(struct cs_buf *);

/* Append n bytes. Inline: writers call it for every field. */
static inline void
cs_buf_add(struct cs_buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
		cs_buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append one byte. */
static inline void
cs_buf_addc(struct cs_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		cs_buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

#endif
