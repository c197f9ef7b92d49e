/*
 * Number formatting. Ratios are computed in 128-bit integers where the
 * compiler has them, so 4-place rates of int64 counts are exact.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "fmt.h"

#ifdef __SIZEOF_INT128__
typedef __int128 wide;
#else
typedef long double wide;
#endif

static char *
fixed(char *buf, int64_t num, int64_t den, int places, int scale_extra)
{
	wide scale = 1, q, r, n, d;
	int neg;

	if (den == 0) {
		buf[0] = '\0';
		return buf;
	}
	for (int i = 0; i < places + scale_extra; i++)
		scale *= 10;
	n = (wide)num;
	d = (wide)den;
	neg = (n < 0) != (d < 0) && n != 0;
	if (n < 0)
		n = -n;
	if (d < 0)
		d = -d;
#ifdef __SIZEOF_INT128__
	q = (n * scale * 2 + d) / (d * 2);	/* round half up */
#else
	q = floorl((n * scale * 2 + d) / (d * 2));
#endif
	wide p10 = 1;
	for (int i = 0; i < places; i++)
		p10 *= 10;
#ifdef __SIZEOF_INT128__
	r = q % p10;
	q = q / p10;
#else
	r = fmodl(q, p10);
	q = floorl(q / p10);
#endif
	if (q == 0 && r == 0)
		neg = 0;
	/* Unsigned: the magnitude of INT64_MIN / 1 is 2^63. */
	if (places > 0)
		snprintf(buf, CS_FMT_BUFSIZE, "%s%llu.%0*llu", neg ? "-" : "",
		    (unsigned long long)q, places, (unsigned long long)r);
	else
		snprintf(buf, CS_FMT_BUFSIZE, "%s%llu", neg ? "-" : "",
		    (unsigned long long)q);
	return buf;
}

/* num/den with places decimals ("0.2500"); "" when den is 0. */
char *
cs_fmt_ratio(char *buf, int64_t num, int64_t den, int places)
{
	return fixed(buf, num, den, places, 0);
}

/* num/den as a percentage with places decimals ("25.0%"); "" when den is 0. */
char *
cs_fmt_percent(char *buf, int64_t num, int64_t den, int places)
{
	char *p;

	fixed(buf, num, den, places, 2);
	if (buf[0] == '\0')
		return buf;
	for (p = buf; *p != '\0'; p++)
		continue;
	p[0] = '%';
	p[1] = '\0';
	return buf;
}

/*
 * Write v in decimal at p, at least width digits (zero-padded, width at
 * most 20), without a NUL; returns the end. For the formats every output
 * row has (amounts, dates, counts), where snprintf costs more than the
 * rest of the row.
 */
char *
cs_fmt_digits(char *p, uint64_t v, int width)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n < width && n < (int)sizeof tmp)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* An integer in decimal. */
char *
cs_fmt_int(char *buf, int64_t v)
{
	char *p = buf;

	if (v < 0)
		*p++ = '-';
	p = cs_fmt_digits(p, v < 0 ? -(uint64_t)v : (uint64_t)v, 1);
	*p = '\0';
	return buf;
}

/* A double with places decimals; "" for NaN, so a report never says "nan". */
char *
cs_fmt_double(char *buf, double v, int places)
{
	if (isnan(v) || isinf(v)) {
		buf[0] = '\0';
		return buf;
	}
	/* Halves away from zero, as the exact ratios above round (printf
	 * rounds the binary value, so 236.25 would print 236.2 and 0.15 as
	 * 0.1). Past 2^52 there is no fraction left to round. */
	double scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	if (fabs(v) * scale < 4503599627370496.0)
		v = round(v * scale) / scale;
	snprintf(buf, CS_FMT_BUFSIZE, "%.*f", places, v);
	/* "-0.0000" reads as a mistake in a report. */
	if (buf[0] == '-') {
		const char *p = buf + 1;
		while (*p == '0' || *p == '.')
			p++;
		if (*p == '\0')
			for (char *q = buf; (*q = q[1]) != '\0'; q++)
				continue;
	}
	return buf;
}
