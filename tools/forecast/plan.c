/*
 * Text plan pieces: see plan.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "plan.h"

/*
 * v with places decimals and a comma every three digits of the whole part
 * ("48,213", "11,692.50"), into buf of CS_FMT_BUFSIZE bytes; "" when v is
 * not a finite number or too large to print.
 */
char *
fc_thousands(char *buf, double v, int places)
{
	char tmp[CS_FMT_BUFSIZE];
	const char *p = tmp, *dot;
	size_t o = 0, whole;

	buf[0] = '\0';
	if (!isfinite(v) || fabs(v) >= 1e18)
		return buf;
	snprintf(tmp, sizeof tmp, "%.*f", places, v);
	if (tmp[0] == '-') {
		/* "-0.0" reads as a mistake. */
		if (strspn(tmp + 1, "0.") != strlen(tmp + 1))
			buf[o++] = '-';
		p++;
	}
	dot = strchr(p, '.');
	whole = dot != NULL ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	if (dot != NULL) {
		size_t n = strlen(dot);
		memcpy(buf + o, dot, n);
		o += n;
	}
	buf[o] = '\0';
	return buf;
}

/*
 * Append a bar of '#' for value on a scale where max fills width: rounded
 * to the nearest character, and at least one for any value above 0, so
 * that an hour with an agent never looks empty.
 */
void
fc_bar(struct cs_buf *b, double value, double max, int width)
{
	long n;

	if (!(value > 0) || !(max > 0))
		return;
	n = lround(value * width / max);
	if (n < 1)
		n = 1;
	if (n > width)
		n = width;
	while (n-- > 0)
		cs_buf_addc(b, '#');
}
