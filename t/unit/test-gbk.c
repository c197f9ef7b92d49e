/*
 * The GB18030 decoder against iconv(3) itself: known characters, every
 * kind of byte that is no character, input and output cut at every place,
 * all 65 536 byte pairs, random text, and cs_source reading GB18030 files
 * through it. The reference is what source.c did before gbk.c: iconv over
 * the whole input, each byte it refuses (or a cut-off tail at the end) a
 * U+FFFD, one byte skipped.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>

#include "ck.h"
#include "gbk.h"
#include "source.h"

#define FFFD	"\xEF\xBF\xBD"

struct out {
	char		*p;
	size_t		 n;
	unsigned long	 replaced;
};

/* One iconv descriptor and one decoder for a test (each runs in a process
 * of its own): opening them for each of the 65 536 pairs is slow. */
static iconv_t	ref_cd = (iconv_t)-1;
static struct cs_gbk *dec;

/* What iconv, as source.c's read_iconv used it, makes of in[0..n). */
static struct out
ref_decode(const void *in, size_t n)
{
	iconv_t cd = ref_cd == (iconv_t)-1 ?
	    (ref_cd = iconv_open("UTF-8", "GB18030")) : ref_cd;
	struct out o = { malloc(3 * n + 1), 0, 0 };
	char *ip = (char *)(uintptr_t)in, *op = o.p;
	size_t il = n, ol = 3 * n + 1;

	if (cd == (iconv_t)-1 || o.p == NULL)
		ck_abort_msg("iconv_open or malloc failed");
	while (il > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
			continue;
		if (errno != EILSEQ && errno != EINVAL)
			ck_abort_msg("iconv: %s", strerror(errno));
		memcpy(op, FFFD, 3);
		op += 3;
		ol -= 3;
		ip++;
		il--;
		o.replaced++;
	}
	o.n = (size_t)(op - o.p);
	return o;
}

/*
 * The decoder over in[0..n), as a reader would drive it: the input arrives
 * inchunk bytes at a time (a cut-off character waits for the next chunk),
 * the output leaves outcap bytes at a time. Every call must make progress
 * and keep the iconv-like contract. (Plain ifs: Check writes a record for
 * every ck_assert, too slow for millions.)
 */
static struct out
gbk_decode(const void *in, size_t n, size_t inchunk, size_t outcap)
{
	struct cs_gbk *d = dec != NULL ? dec : (dec = cs_gbk_open());
	struct out o = { malloc(3 * n + outcap), 0, 0 };
	const unsigned char *p = in, *end = p, *stop = p + n;
	unsigned long before;

	if (d == NULL || o.p == NULL)
		ck_abort_msg("cs_gbk_open or malloc failed");
	before = cs_gbk_replaced(d);
	for (;;) {
		size_t inleft = (size_t)(end - p), outleft = outcap;
		const unsigned char *was = p;
		char *op = o.p + o.n;
		enum cs_gbk_status st;

		st = cs_gbk_decode(d, &p, &inleft, &op, &outleft, end == stop);
		if (p + inleft != end || op + outleft != o.p + o.n + outcap)
			ck_abort_msg("pointers and counts disagree");
		o.n = (size_t)(op - o.p);
		if (st == CS_GBK_FULL) {
			if (inleft == 0 || (p == was && outleft == outcap))
				ck_abort_msg("full without cause or progress");
			continue;
		}
		if (st == CS_GBK_MORE ?
		    end == stop || inleft == 0 || inleft >= 4 :
		    st != CS_GBK_DONE || inleft != 0)
			ck_abort_msg("status %d with %zu bytes left", (int)st,
			    inleft);
		if (end == stop)
			break;
		end = (size_t)(stop - end) > inchunk ? end + inchunk : stop;
	}
	o.replaced = cs_gbk_replaced(d) - before;
	return o;
}

/* g says what the reference r says (and is freed). */
static void
same_as(struct out g, const struct out *r)
{
	ck_assert_uint_eq(g.n, r->n);
	ck_assert_mem_eq(g.p, r->p, r->n);
	ck_assert_uint_eq(g.replaced, r->replaced);
	free(g.p);
}

/* Both decoders agree on in[0..n), and say expect with nrep replaced. */
static void
expect(const char *in, size_t n, const char *want, size_t wantn,
    unsigned long nrep)
{
	struct out r = ref_decode(in, n), g = gbk_decode(in, n, n, 64);

	ck_assert_uint_eq(r.n, wantn);
	ck_assert_mem_eq(r.p, want, wantn);
	ck_assert_uint_eq(r.replaced, nrep);
	ck_assert_uint_eq(g.n, wantn);
	ck_assert_mem_eq(g.p, want, wantn);
	ck_assert_uint_eq(g.replaced, nrep);
	free(r.p);
	free(g.p);
}

#define E(in, want, nrep) expect(in, sizeof in - 1, want, sizeof want - 1, nrep)

START_TEST(test_known)
{
	E("\xD6\xD0", "中", 0);
	E("\xCE\xC4", "文", 0);
	E("\xA3\xAC", "，", 0);
	E("\xA3\xA4", "￥", 0);
	E("\xA2\xE3", "€", 0);		/* GB18030's euro */
	E("\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5,\xBF\xCD\xB7\xFE\r\n",
	    "订单编号,客服\r\n", 0);
	E("\xA1\xA4", "\xC2\xB7", 0);		/* two bytes of UTF-8 */
	E("\xFE\x51", "\xF0\xA0\x82\x87", 0);	/* beyond the BMP */
	E("\xFE\xFE", "\xEE\x93\x85", 0);	/* private use */
	E("\x81\x30\x81\x30", "\xC2\x80", 0);	/* four-byte sequences */
	E("\x84\x31\x95\x33", "\xEF\xBB\xBF", 0);
	E("\x90\x30\x81\x30", "\xF0\x90\x80\x80", 0);
	E("\xE3\x32\x9A\x35", "\xF4\x8F\xBF\xBF", 0);
	E("", "", 0);
	/* ASCII eight at a time, a character at each place of the eight. */
	E("0123456789abcdef\xD6\xD0", "0123456789abcdef中", 0);
	E("\xD6\xD0" "0123456", "中0123456", 0);
	E("0\xD6\xD0" "123456789", "0中123456789", 0);
	E("0123456\xD6\xD0" "78", "0123456中78", 0);
	E("01234567\xD6\xD0", "01234567中", 0);
}
END_TEST

START_TEST(test_invalid)
{
	E("\x80", FFFD, 1);			/* CP936's euro: not GB18030 */
	E("\xFF", FFFD, 1);
	E("a\x80" "b\xFF" "c", "a" FFFD "b" FFFD "c", 2);
	E("\x81", FFFD, 1);			/* a lead byte at the end */
	E("abc\xD6", "abc" FFFD, 1);
	E("\x81\x20", FFFD " ", 1);		/* bad trails: one byte goes */
	E("\x81,\xD6\xD0", FFFD ",中", 1);
	E("\x81\x7F", FFFD "\x7F", 1);
	E("\xA1\xFF", FFFD FFFD, 2);
	E("\x81\x3A", FFFD ":", 1);
	E("\xD6\xD6\xD0", "种" FFFD, 1);	/* a lead takes the next lead */
	E("\x81\x30\x20\x41", FFFD "0 A", 1);	/* bad four-byte sequences */
	E("\x81\x30\x81\x20", FFFD "0" FFFD " ", 2);
	E("\x81\x30\x81\x41", FFFD "0\xE4\xB8\x84", 1);
	E("\x81\x30\x81", FFFD "0" FFFD, 2);	/* cut off by the end */
	E("\x81\x30", FFFD "0", 1);
	E("\x81\x30\xD6\xD0", FFFD "0中", 1);
	E("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", FFFD FFFD FFFD FFFD FFFD
	    FFFD FFFD FFFD FFFD, 9);
}
END_TEST

/* A cut-off character waits for more when the input is not final. */
START_TEST(test_more)
{
	static const char *const tails[] = { "\x81", "\xD6", "\x81\x30",
	    "\x81\x30\x81" };
	struct cs_gbk *d = cs_gbk_open();
	size_t i;

	ck_assert_ptr_nonnull(d);
	for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		char in[8], buf[32], *op = buf;
		const unsigned char *p = (const unsigned char *)in;
		size_t tl = strlen(tails[i]), inleft = tl + 2;
		size_t outleft = sizeof buf;
		enum cs_gbk_status st;

		memcpy(in, "ab", 2);
		memcpy(in + 2, tails[i], tl);
		st = cs_gbk_decode(d, &p, &inleft, &op, &outleft, 0);
		ck_assert_int_eq(st, CS_GBK_MORE);
		ck_assert_uint_eq(inleft, tl);
		ck_assert_ptr_eq(p, (const unsigned char *)in + 2);
		ck_assert_uint_eq(outleft, sizeof buf - 2);
		ck_assert_mem_eq(buf, "ab", 2);
	}
	ck_assert_uint_eq(cs_gbk_replaced(d), 0);
	cs_gbk_close(d);
	cs_gbk_close(NULL);
}
END_TEST

/* Everything at once: ASCII, two- and four-byte characters, errors. */
static const char mixed[] = "id,\xB6\xA9\xB5\xA5\r\n=\"1234567890\","
    "\xD6\xD0\xCE\xC4\xA3\xAC\x81\x30\x81\x30\xFE\x51\x80\xFF\x81\x20"
    "\xA2\xE3\x90\x30\x81\x30\xA1\xFF\x81\x30\x20\x41 long ascii tail\xD6";

START_TEST(test_split_input)
{
	size_t n = sizeof mixed - 1, k;
	struct out r = ref_decode(mixed, n);

	ck_assert_uint_eq(r.replaced, 7);
	for (k = 1; k <= n; k++) {
		/* the first k bytes, then the rest */
		same_as(gbk_decode(mixed, n, k, 64), &r);
	}
	free(r.p);
}
END_TEST

START_TEST(test_split_output)
{
	size_t n = sizeof mixed - 1, cap;
	struct out r = ref_decode(mixed, n);

	/* Four bytes: the longest character. */
	for (cap = 4; cap <= 24; cap++) {
		same_as(gbk_decode(mixed, n, n, cap), &r);
	}
	free(r.p);
}
END_TEST

/* Every pair of bytes, alone and followed by more. */
START_TEST(test_all_pairs)
{
	unsigned a, b;

	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			char in[4] = { (char)a, (char)b, '\xD6', '\xD0' };
			size_t n;

			for (n = 2; n <= 4; n += 2) {
				struct out r = ref_decode(in, n);
				struct out g = gbk_decode(in, n, n, 16);

				if (g.n != r.n || memcmp(g.p, r.p, r.n) != 0 ||
				    g.replaced != r.replaced)
					ck_abort_msg("%02X %02X (%zu bytes)",
					    a, b, n);
				free(r.p);
				free(g.p);
			}
		}
}
END_TEST

/* n bytes of GBK-like text from a fixed seed: mostly ASCII and two-byte
 * characters, some four-byte ones, some bytes at random. */
static char *
random_gbk(size_t n, uint32_t seed)
{
	char *p = malloc(n + 4);
	uint32_t x = seed;
	size_t i = 0;

	ck_assert_ptr_nonnull(p);
#define NEXT() (x ^= x << 13, x ^= x >> 17, x ^= x << 5, x)
	while (i < n) {
		uint32_t r = NEXT() % 100;

		if (r < 45)
			p[i++] = (char)(0x20 + NEXT() % 0x5F);
		else if (r < 85) {
			p[i++] = (char)(0x81 + NEXT() % 126);
			p[i++] = (char)(0x40 + NEXT() % 191);
		} else if (r < 90) {
			p[i++] = (char)(0x81 + NEXT() % 126);
			p[i++] = (char)(0x30 + NEXT() % 10);
			p[i++] = (char)(0x81 + NEXT() % 126);
			p[i++] = (char)(0x30 + NEXT() % 10);
		} else
			p[i++] = (char)NEXT();
	}
#undef NEXT
	return p;
}

START_TEST(test_random)
{
	size_t n = 200 * 1000, i;
	char *in = random_gbk(n, 20261111);
	struct out r = ref_decode(in, n);
	static const size_t sizes[][2] = { { 200000, 65536 }, { 65536, 16 },
	    { 1, 4 }, { 3, 7 }, { 4093, 100003 } };

	/* Enough of everything for the comparison to mean something. */
	ck_assert_uint_gt(r.replaced, 5000);
	ck_assert_uint_gt(r.n, n);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		same_as(gbk_decode(in, n, sizes[i][0], sizes[i][1]), &r);
	}
	free(r.p);
	free(in);
}
END_TEST

/* cs_source reads GB18030 files through the decoder: 64 KiB reads cut
 * characters anywhere, small and big caps. */
START_TEST(test_source)
{
	size_t n = 300 * 1000, caps[] = { 16, 17, 4096, 1 << 20 }, i;
	char *in = random_gbk(n, 1111);
	struct out r;
	char *path;

	in[0] = '\xD6';		/* not a UTF-8 or GB18030 byte-order mark */
	r = ref_decode(in, n);
	path = ck_temp_file(in, n);
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		struct cs_source *s = cs_source_open(path, i % 2 ?
		    CS_ENC_AUTO : CS_ENC_GB18030);
		char *buf = malloc(caps[i]), *got = malloc(r.n + 1);
		size_t len = 0;
		ssize_t k;

		ck_assert_ptr_nonnull(s);
		ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
		while ((k = cs_source_read(s, buf, caps[i])) > 0) {
			ck_assert_uint_le(len + (size_t)k, r.n);
			memcpy(got + len, buf, (size_t)k);
			len += (size_t)k;
		}
		ck_assert_int_eq(k, 0);
		ck_assert_uint_eq(len, r.n);
		ck_assert_mem_eq(got, r.p, r.n);
		ck_assert_uint_eq(cs_source_replaced(s), r.replaced);
		free(buf);
		free(got);
		cs_source_close(s);
	}
	unlink(path);
	free(r.p);
	free(in);
}
END_TEST

/* Each decoder counts its own replacements. */
START_TEST(test_two_decoders)
{
	struct cs_gbk *a = cs_gbk_open(), *b = cs_gbk_open();
	const unsigned char *p = (const unsigned char *)"\x80\x80";
	size_t inleft = 2, outleft = 16;
	char buf[16], *op = buf;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(cs_gbk_decode(a, &p, &inleft, &op, &outleft, 1),
	    CS_GBK_DONE);
	ck_assert_uint_eq(cs_gbk_replaced(a), 2);
	ck_assert_uint_eq(cs_gbk_replaced(b), 0);
	ck_assert_uint_eq(outleft, 10);
	cs_gbk_close(a);
	cs_gbk_close(b);
}
END_TEST

static Suite *
gbk_suite(void)
{
	Suite *s = suite_create("gbk");
	TCase *tc = tcase_create("gbk");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_known);
	tcase_add_test(tc, test_invalid);
	tcase_add_test(tc, test_more);
	tcase_add_test(tc, test_split_input);
	tcase_add_test(tc, test_split_output);
	tcase_add_test(tc, test_all_pairs);
	tcase_add_test(tc, test_random);
	tcase_add_test(tc, test_source);
	tcase_add_test(tc, test_two_decoders);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-gbk", gbk_suite)
