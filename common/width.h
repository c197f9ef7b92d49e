/*
 * Display width of UTF-8 text in a terminal: a CJK character or a
 * full-width form counts two columns, a combining mark none. Invalid bytes
 * count one each, so a misdecoded file still lines up.
 */
#ifndef CS_WIDTH_H
#define CS_WIDTH_H

#include <stddef.h>
#include <stdint.h>

size_t	 cs_width(const char *, size_t);
int	 cs_char_width(uint32_t);
size_t	 cs_utf8_decode(const char *, size_t, uint32_t *);

#endif
