/*
 * SMS counting. Invalid UTF-8 counts one character a byte, as a gateway
 * that received it would most likely show a replacement character each.
 */
#include "config.h"

#include "sms.h"
#include "width.h"

/* UCS-2 characters in UTF-8 text s[0..n). */
size_t
chase_sms_chars(const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = cs_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1;
		chars += cp > 0xFFFF ? 2 : 1;
		i += k;
	}
	return chars;
}

/* Messages billed for a text of chars characters (0 for an empty text). */
size_t
chase_sms_parts(size_t chars)
{
	if (chars == 0)
		return 0;
	if (chars <= CHASE_SMS_SINGLE)
		return 1;
	return (chars + CHASE_SMS_PART - 1) / CHASE_SMS_PART;
}
