/*
 * SMS length as Chinese gateways bill it: characters in UCS-2 (a character
 * outside the Basic Multilingual Plane, such as most emoji, takes two), 70
 * in a single message, 67 in each part of a longer one (the rest of each
 * part holds the header that joins them). Chinese gateways count a Latin
 * letter like a Chinese character, so there is no 160-character case.
 */
#ifndef CHASE_SMS_H
#define CHASE_SMS_H

#include <stddef.h>

#define CHASE_SMS_SINGLE	70
#define CHASE_SMS_PART		67

size_t	 chase_sms_chars(const char *, size_t);
size_t	 chase_sms_parts(size_t);

#endif
