/*
 * Fixed number formats for reports, the same in every locale: rates as
 * exact decimal fractions of two integers (rounded half up, never through
 * a double), percentages, and integers. Each writes into a caller's buffer
 * of CS_FMT_BUFSIZE bytes and returns it.
 */
#ifndef CS_FMT_H
#define CS_FMT_H

#include <stdint.h>

#define CS_FMT_BUFSIZE	48

char	*cs_fmt_ratio(char *, int64_t, int64_t, int);
char	*cs_fmt_percent(char *, int64_t, int64_t, int);
char	*cs_fmt_int(char *, int64_t);
char	*cs_fmt_double(char *, double, int);
char	*cs_fmt_digits(char *, uint64_t, int);

#endif
