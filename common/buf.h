/*
 * A growable byte buffer, always NUL-terminated after its len bytes. It is
 * reused row after row (cs_buf_reset keeps the memory), so it costs an
 * allocation only when a row is longer than any before it.
 */
#ifndef CS_BUF_H
#define CS_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct cs_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

#define CS_BUF_INIT	{ NULL, 0, 0 }

void	 cs_buf_grow(struct cs_buf *, size_t);
void	 cs_buf_add(struct cs_buf *, const void *, size_t);
void	 cs_buf_addc(struct cs_buf *, int);
void	 cs_buf_adds(struct cs_buf *, const char *);
void	 cs_buf_printf(struct cs_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 cs_buf_vprintf(struct cs_buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 cs_buf_reset(struct cs_buf *);
void	 cs_buf_free(struct cs_buf *);

#endif
