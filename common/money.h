/*
 * Money as exports write it, in int64 cents (分). Never a double.
 *
 * Accepted: 128, 128.5, 128.00, -3.20, 1,280.50 (groups of three), with
 * ¥ or ￥ or RMB/CNY in front and 元 behind, spaces between. More than two
 * decimals are rounded half away from zero. A lone "-" or "—" is empty.
 */
#ifndef CS_MONEY_H
#define CS_MONEY_H

#include <stddef.h>
#include <stdint.h>

#define CS_MONEY_BUFSIZE	32

int	 cs_money_parse(const char *, size_t, int64_t *);
char	*cs_money_format(int64_t, char *);

#endif
