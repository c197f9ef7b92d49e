/*
 * GB18030 to UTF-8 without an iconv call per character. The table holds
 * only what iconv converted when asked; a sequence it has no entry for
 * (an invalid trail byte, 0x80, 0xFF, a four-byte character, a lead byte at
 * the end of the input) is handed to iconv with at most four bytes of
 * input, so iconv has the last word on everything that is not plain.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gbk.h"
#include "xmalloc.h"

#define LEADS	128		/* 0x80-0xFF; rows 0x80 and 0xFF stay empty */
#define TRAILS	192		/* 0x40-0xFF, of which 0x7F and 0xFF are not */
#define ASCII8	0x8080808080808080ULL

struct cs_gbk {
	iconv_t		 cd;
	unsigned long	 replaced;
};

/*
 * At (lead - 0x80) * TRAILS + trail - 0x40: the UTF-8 in the first three
 * bytes and its length in the fourth, so that a character is one four-byte
 * store and an add. All zero when iconv did not convert the sequence, and
 * for the six codes glibc maps beyond the BMP (like FE 51), whose four
 * bytes of UTF-8 do not fit: iconv does those each time.
 */
static unsigned char	table[LEADS * TRAILS][4];
static bool		table_built;

/*
 * Ask iconv for every two-byte sequence: one call a lead byte with all its
 * trails in a row, and one more after each sequence iconv refuses (that
 * entry stays empty). Each sequence that converts is one character.
 */
static void
build_table(iconv_t cd)
{
	unsigned char in[2 * TRAILS];
	char out[4 * TRAILS];
	unsigned lead;
	size_t t;

	for (lead = 0x81; lead <= 0xFE; lead++) {
		unsigned char (*row)[4] = table + (lead - 0x80) * TRAILS;
		size_t i = 0;

		for (t = 0; t < TRAILS; t++) {
			in[2 * t] = (unsigned char)lead;
			in[2 * t + 1] = (unsigned char)(0x40 + t);
		}
		while (i < TRAILS) {
			char *ip = (char *)in + 2 * i, *op = out;
			size_t il = 2 * (TRAILS - i), ol = sizeof out;
			size_t r = iconv(cd, &ip, &il, &op, &ol);
			const unsigned char *u = (const unsigned char *)out;
			size_t done = (2 * (TRAILS - i) - il) / 2;

			for (t = 0; t < done; t++) {
				size_t len = *u < 0x80 ? 1 : *u < 0xE0 ? 2 :
				    *u < 0xF0 ? 3 : 4;

				if (len <= 3) {
					memcpy(row[i + t], u, len);
					row[i + t][3] = (unsigned char)len;
				}
				u += len;
			}
			i += done;
			if (r == (size_t)-1)
				i++;
		}
	}
	iconv(cd, NULL, NULL, NULL, NULL);
}

/* A decoder, or NULL with errno set when iconv cannot read GB18030. */
struct cs_gbk *
cs_gbk_open(void)
{
	struct cs_gbk *d;
	iconv_t cd = iconv_open("UTF-8", "GB18030");

	if (cd == (iconv_t)-1)
		return NULL;
	if (!table_built) {
		build_table(cd);
		table_built = true;
	}
	d = cs_xcalloc(1, sizeof *d);
	d->cd = cd;
	return d;
}

/* How many bytes of w, in memory order, come before the first one with
 * its high bit set (w has one). */
static size_t
ascii_prefix(uint64_t w)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(w & ASCII8) / 8;
#else
	unsigned char b[8];
	size_t n = 0;

	memcpy(b, &w, 8);
	while (b[n] < 0x80)
		n++;
	return n;
#endif
}

/* Decode ASCII and 2-byte characters from *ip into *op, which has room
 * for three bytes a byte in and eight more; stop before anything else (a
 * 4-byte character, a bad byte) and before the last byte. */
static void
roomy_run(const unsigned char **ipp, const unsigned char *iend,
    unsigned char **opp)
{
	const unsigned char *ip = *ipp;
	unsigned char *op = *opp;

	while (iend - ip >= 2) {
		unsigned c = *ip;

		if (c < 0x80) {
			if (iend - ip < 8) {
				*op++ = (unsigned char)c;
				ip++;
				continue;
			}
			uint64_t w;
			size_t n;
			memcpy(&w, ip, 8);
			memcpy(op, &w, 8);
			n = (w & ASCII8) == 0 ? 8 : ascii_prefix(w);
			ip += n;
			op += n;
			continue;
		}
		if (ip[1] < 0x40)
			break;
		const unsigned char *u = table[(c - 0x80) * TRAILS + ip[1] - 0x40];
		if (u[3] == 0)
			break;
		memcpy(op, u, 4);
		op += u[3];
		ip += 2;
	}
	*ipp = ip;
	*opp = op;
}

/*
 * Decode (*in)[0..*inleft) into (*out)[0..*outleft), advancing all four as
 * iconv(3) does. final says no more input follows: a character cut off by
 * the end is then replaced, not waited for.
 */
enum cs_gbk_status
cs_gbk_decode(struct cs_gbk *d, const unsigned char **in, size_t *inleft,
    char **out, size_t *outleft, int final)
{
	const unsigned char *ip = *in, *iend = ip + *inleft;
	unsigned char *op = (unsigned char *)*out, *oend = op + *outleft;
	enum cs_gbk_status st = CS_GBK_DONE;

	/* With room for the worst case (three bytes out a byte in, and the
	 * eight an ASCII step stores) ASCII and 2-byte characters go without
	 * a check of the room left; the room stays enough whatever follows. */
	if ((size_t)(oend - op) >= 3 * (size_t)(iend - ip) + 8)
		roomy_run(&ip, iend, &op);
	while (ip < iend) {
		unsigned c = *ip;

		if (c < 0x80) {
			/* Eight bytes are copied whatever they are (there is
			 * room); only the ASCII ones are kept. */
			if (iend - ip >= 8 && oend - op >= 8) {
				uint64_t w;
				size_t n;

				memcpy(&w, ip, 8);
				memcpy(op, &w, 8);
				n = (w & ASCII8) == 0 ? 8 : ascii_prefix(w);
				ip += n;
				op += n;
				continue;
			}
			if (op == oend) {
				st = CS_GBK_FULL;
				break;
			}
			*op++ = (unsigned char)c;
			ip++;
			continue;
		}
		if (iend - ip >= 2 && ip[1] >= 0x40 && oend - op >= 4) {
			const unsigned char *u =
			    table[(c - 0x80) * TRAILS + ip[1] - 0x40];

			if (u[3] != 0) {
				memcpy(op, u, 4);	/* one store */
				op += u[3];
				ip += 2;
				continue;
			}
		}

		/* The rest, and the last few bytes of output: iconv, on four
		 * bytes at most (the longest character), converts one or says
		 * why not. */
		{
			char *ci = (char *)ip, *co = (char *)op;
			size_t il = (size_t)(iend - ip);
			size_t ol = (size_t)(oend - op), r;
			int err;

			if (il > 4)
				il = 4;
			r = iconv(d->cd, &ci, &il, &co, &ol);
			err = errno;
			if (ci > (char *)ip) {
				/* At least one character; an error after it is
				 * met again at the top of the loop. */
				ip = (const unsigned char *)ci;
				op = (unsigned char *)co;
				continue;
			}
			if (r == (size_t)-1 && err == E2BIG) {
				st = CS_GBK_FULL;
				break;
			}
			if (r == (size_t)-1 && err == EINVAL && !final &&
			    iend - ip < 4) {
				st = CS_GBK_MORE;
				break;
			}
		}
		/* Not a character (EILSEQ, or cut off by the final end). */
		if (oend - op < 3) {
			st = CS_GBK_FULL;
			break;
		}
		memcpy(op, "\xEF\xBF\xBD", 3);
		op += 3;
		ip++;
		d->replaced++;
	}
	*inleft = (size_t)(iend - ip);
	*outleft = (size_t)(oend - op);
	*in = ip;
	*out = (char *)op;
	return st;
}

/* How many bytes were replaced by U+FFFD so far. */
unsigned long
cs_gbk_replaced(const struct cs_gbk *d)
{
	return d->replaced;
}

/* Free the decoder; the table stays for the next one. */
void
cs_gbk_close(struct cs_gbk *d)
{
	if (d == NULL)
		return;
	iconv_close(d->cd);
	free(d);
}
