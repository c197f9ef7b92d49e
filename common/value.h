/*
 * Typed values as exports write them. Every parser takes (bytes, length),
 * returns 0 with the value stored, CS_VALUE_EMPTY for an empty value (the
 * caller decides whether that is allowed), or CS_VALUE_INVALID. None of
 * them allocates or depends on the locale.
 */
#ifndef CS_VALUE_H
#define CS_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_VALUE_EMPTY		1
#define CS_VALUE_INVALID	(-1)
#define CS_ID_SCIENTIFIC	(-2)

enum cs_status {
	CS_STATUS_UNKNOWN,
	CS_STATUS_UNPAID,
	CS_STATUS_PAID,
	CS_STATUS_CLOSED
};

int	 cs_yesno_parse(const char *, size_t, bool *);
int	 cs_status_parse(const char *, size_t, enum cs_status *);
const char *cs_status_name(enum cs_status);
int	 cs_id_check(const char *, size_t);
int	 cs_int_parse(const char *, size_t, int64_t *);
int	 cs_decimal_parse(const char *, size_t, double *);
int	 cs_duration_parse(const char *, size_t, int64_t *);
void	 cs_trim(const char **, size_t *);
bool	 cs_skip_lit(const char **, const char *, const char *);
bool	 cs_contains(const char *, size_t, const char *);

#endif
