/*
 * Dates and times as naive local time, in seconds since 1970-01-01 00:00
 * of the same clock. The civil-days algorithm (proleptic Gregorian) turns
 * dates into day numbers: no mktime, no TZ, no DST surprises, the same
 * answer on every machine.
 *
 * Accepted: 2026-11-11, 2026/11/11, 2026.11.11, 20261111, 2026年11月11日,
 * each optionally followed (after spaces or 'T') by H:MM, H:MM:SS or
 * H:MM:SS.fff (fractions dropped). Month and day may have one digit.
 */
#ifndef CS_DATETIME_H
#define CS_DATETIME_H

#include <stddef.h>
#include <stdint.h>

#define CS_DATETIME_BUFSIZE	32
#define CS_DAY_SECONDS		86400

int64_t	 cs_days_from_civil(int, unsigned, unsigned);
void	 cs_civil_from_days(int64_t, int *, unsigned *, unsigned *);
int	 cs_datetime_parse(const char *, size_t, int64_t *, int *);
int	 cs_clock_parse(const char *, size_t, int *);
char	*cs_date_format(int64_t, char *);
char	*cs_datetime_format(int64_t, char *);
int	 cs_weekday(int64_t);
int64_t	 cs_floor_div(int64_t, int64_t);

#endif
