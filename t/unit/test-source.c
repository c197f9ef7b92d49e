/*
 * Input sources: gzip by magic bytes (whatever the name), truncated and
 * corrupt gzip, encodings detected and forced, GB18030 and UTF-16 decoded
 * as a stream (a character split across the 64 KiB read boundary), bytes
 * that are no character, empty input, standard input.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <signal.h>
#include <zlib.h>

#include "buf.h"
#include "ck.h"
#include "source.h"

#define BOUNDARY	(64 * 1024)	/* the raw read size of source.c */

static const char gbk_header[] = "\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5,"
    "\xBF\xCD\xB7\xFE\n";		/* 订单编号,客服 in GBK */
static const char utf8_header[] = "订单编号,客服\n";

/* Everything the source gives, read cap bytes at a time; *last is the
 * return value that ended the reading (0 at the end, -1 on error). */
static char *
read_all(struct cs_source *s, size_t cap, size_t *n, ssize_t *last)
{
	struct cs_buf b = CS_BUF_INIT;
	char *chunk = malloc(cap);
	ssize_t r;

	ck_assert_ptr_nonnull(chunk);
	cs_buf_add(&b, "", 0);
	while ((r = cs_source_read(s, chunk, cap)) > 0) {
		ck_assert_int_le(r, (ssize_t)cap);
		cs_buf_add(&b, chunk, (size_t)r);
	}
	free(chunk);
	*n = b.len;
	if (last != NULL)
		*last = r;
	return b.data;
}

/* A temporary file with a name of our choosing (suffix matters). */
static char *
temp_named(const char *suffix, const void *data, size_t n)
{
	static char path[80];
	int fd;

	snprintf(path, sizeof path, "/tmp/cs-unit-XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

/* data gzip-compressed into a new file path. */
static void
gzip_file(const char *path, const void *data, size_t n)
{
	gzFile gz = gzopen(path, "wb");

	ck_assert_ptr_nonnull(gz);
	if (n > 0)
		ck_assert_int_eq(gzwrite(gz, data, (unsigned)n), (int)n);
	ck_assert_int_eq(gzclose(gz), Z_OK);
}

/* n bytes of CSV-ish text that does not compress to nothing. */
static char *
some_text(size_t n)
{
	char *p = malloc(n);
	uint32_t x = 12345;

	ck_assert_ptr_nonnull(p);
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		p[i] = i % 40 == 39 ? '\n' : "0123456789,abcdef"[(x >> 16) % 17];
	}
	return p;
}

/* Read path whole with the given encoding and cap; check the bytes. */
static void
expect_read(const char *path, enum cs_encoding want, size_t cap,
    const void *expect, size_t expect_len)
{
	struct cs_source *s = cs_source_open(path, want);
	size_t n;
	ssize_t last;

	ck_assert_ptr_nonnull(s);
	char *got = read_all(s, cap, &n, &last);
	ck_assert_int_eq(last, 0);
	ck_assert_uint_eq(n, expect_len);
	ck_assert_mem_eq(got, expect, n);
	free(got);
	cs_source_close(s);
}

START_TEST(test_plain)
{
	const char data[] = "a,b\n1,2\n";
	char *path = ck_temp_file(data, sizeof data - 1);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
	size_t n;
	ssize_t last;

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(cs_source_name(s), path);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	ck_assert_int_eq(cs_source_gzip(s), 0);
	char *got = read_all(s, 16, &n, &last);
	ck_assert_int_eq(last, 0);
	ck_assert_str_eq(got, data);
	/* The end stays the end. */
	char c;
	ck_assert_int_eq(cs_source_read(s, &c, 1), 0);
	ck_assert_uint_eq(cs_source_replaced(s), 0);
	free(got);
	cs_source_close(s);
	unlink(path);
}
END_TEST

/* gzip is known by its magic bytes, not its name. */
START_TEST(test_gzip_by_magic)
{
	size_t n = 300 * 1024;
	char *text = some_text(n);
	char *path = temp_named(".csv", "", 0);
	struct cs_source *s;

	gzip_file(path, text, n);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_gzip(s), 1);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 4096, text, n);
	expect_read(path, CS_ENC_AUTO, 100000, text, n);
	unlink(path);

	/* A .gz that is plain text is read as it is. */
	path = temp_named(".gz", text, n);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_gzip(s), 0);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 4096, text, n);
	unlink(path);
	free(text);
}
END_TEST

/* A cut-off download is an error, never a short clean end. */
START_TEST(test_gzip_truncated)
{
	size_t n = 300 * 1024, zn = 0;
	char *text = some_text(n);
	char *path = temp_named(".csv.gz", "", 0);
	static const size_t cuts[] = { 0, 8, 10, 20, 1000, 50000 };

	gzip_file(path, text, n);
	char *z = ck_read_file(path, &zn);
	ck_assert_uint_gt(zn, 60000);
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0] + 2; i++) {
		/* Cut at these offsets, then half-way, then just before the
		 * 8-byte trailer ends. */
		size_t keep = i < 6 ? cuts[i] : i == 6 ? zn / 2 : zn - 1;
		if (keep < 10 && keep > 0)
			continue;	/* not even a gzip header: see below */
		char *cut = temp_named(".gz", z, keep);
		struct cs_source *s = cs_source_open(cut, CS_ENC_AUTO);
		size_t got_n;
		ssize_t last;
		ck_assert_ptr_nonnull(s);
		char *got = read_all(s, 65536, &got_n, &last);
		if (keep == 0) {
			ck_assert_int_eq(last, 0);	/* an empty file */
		} else {
			ck_assert_msg(last == -1, "cut at %zu: read ended with %zd",
			    keep, last);
			ck_assert_uint_le(got_n, n);
			ck_assert_mem_eq(got, text, got_n);
			ck_assert_msg(strcmp(cs_source_error(s),
			    "truncated gzip input (unexpected end of file)") == 0,
			    "cut at %zu: \"%s\"", keep, cs_source_error(s));
			/* And it stays an error. */
			char c;
			ck_assert_int_eq(cs_source_read(s, &c, 1), -1);
		}
		free(got);
		cs_source_close(s);
		unlink(cut);
	}
	free(z);
	free(text);
	unlink(path);
}
END_TEST

/* Damaged data or a damaged checksum: -1 with zlib's reason. */
START_TEST(test_gzip_corrupt)
{
	size_t n = 100 * 1024, zn = 0;
	char *text = some_text(n);
	char *path = temp_named(".gz", "", 0);

	gzip_file(path, text, n);
	char *z = ck_read_file(path, &zn);
	for (int which = 0; which < 2; which++) {
		char *bad = malloc(zn);
		memcpy(bad, z, zn);
		if (which == 0)
			bad[zn / 2] ^= 0x55;		/* the deflate data */
		else
			bad[zn - 6] ^= 0x01;		/* the CRC */
		char *p = temp_named(".gz", bad, zn);
		struct cs_source *s = cs_source_open(p, CS_ENC_AUTO);
		size_t got_n;
		ssize_t last;
		char *got = read_all(s, 65536, &got_n, &last);
		ck_assert_int_eq(last, -1);
		/* zlib's reason, without its "<fd:N>: " (the file is named
		 * by the caller). */
		if (which == 1)
			ck_assert_str_eq(cs_source_error(s), "incorrect data check");
		ck_assert_str_ne(cs_source_error(s), "");
		ck_assert_ptr_null(strstr(cs_source_error(s), "<fd:"));
		free(got);
		cs_source_close(s);
		unlink(p);
		free(bad);
	}
	free(z);
	free(text);
	unlink(path);
}
END_TEST

START_TEST(test_gzip_empty)
{
	char *path = temp_named(".gz", "", 0);
	struct cs_source *s;
	char buf[64];

	gzip_file(path, "", 0);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_gzip(s), 1);
	ck_assert_int_eq(cs_source_read(s, buf, sizeof buf), 0);
	cs_source_close(s);
	unlink(path);
}
END_TEST

START_TEST(test_empty_file)
{
	char *path = ck_temp_file("", 0);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
	char buf[64];

	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	ck_assert_int_eq(cs_source_gzip(s), 0);
	ck_assert_int_eq(cs_source_read(s, buf, sizeof buf), 0);
	ck_assert_int_eq(cs_source_read(s, buf, sizeof buf), 0);
	cs_source_close(s);
	unlink(path);
}
END_TEST

START_TEST(test_utf8_bom)
{
	const char data[] = "\xEF\xBB\xBF订单编号,客服\n";
	char *path = ck_temp_file(data, sizeof data - 1);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);

	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 16, utf8_header, sizeof utf8_header - 1);
	/* A byte-order mark beats --encoding. */
	s = cs_source_open(path, CS_ENC_GB18030);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	cs_source_close(s);
	expect_read(path, CS_ENC_GB18030, 16, utf8_header,
	    sizeof utf8_header - 1);
	unlink(path);
}
END_TEST

START_TEST(test_gb18030_detected)
{
	char *path = ck_temp_file(gbk_header, sizeof gbk_header - 1);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);

	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 16, utf8_header, sizeof utf8_header - 1);
	expect_read(path, CS_ENC_GB18030, 4096, utf8_header,
	    sizeof utf8_header - 1);
	unlink(path);

	/* The GB18030 byte-order mark (U+FEFF) is dropped. */
	struct cs_buf b = CS_BUF_INIT;
	cs_buf_add(&b, "\x84\x31\x95\x33", 4);
	cs_buf_add(&b, gbk_header, sizeof gbk_header - 1);
	path = ck_temp_file(b.data, b.len);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 16, utf8_header, sizeof utf8_header - 1);
	unlink(path);
	cs_buf_free(&b);
}
END_TEST

/* Detection looks through gzip. */
START_TEST(test_gb18030_gzip)
{
	char *path = temp_named(".csv.gz", "", 0);

	gzip_file(path, gbk_header, sizeof gbk_header - 1);
	expect_read(path, CS_ENC_AUTO, 16, utf8_header, sizeof utf8_header - 1);
	unlink(path);
}
END_TEST

/*
 * A GB18030 character split between two raw reads of 64 KiB survives: a
 * two-byte character split after its first byte, and a four-byte one
 * (😀, 94 39 FC 36) split after each of its first three bytes. Every
 * output buffer size, down to the smallest allowed, gives the same text.
 */
START_TEST(test_gb18030_split_boundary)
{
	static const struct {
		const char	*gb, *utf8;
		size_t		 before;	/* bytes before the boundary */
	} splits[] = {
		{ "\xB6\xA9", "订", 1 },
		{ "\x94\x39\xFC\x36", "😀", 1 },
		{ "\x94\x39\xFC\x36", "😀", 2 },
		{ "\x94\x39\xFC\x36", "😀", 3 },
		{ "\xB6\xA9", "订", 2 },		/* just before it */
		{ "\xB6\xA9", "订", 0 },		/* just after it */
	};
	static const size_t caps[] = { 16, 17, 1000, 65536, 200000 };

	for (size_t i = 0; i < sizeof splits / sizeof splits[0]; i++) {
		struct cs_buf in = CS_BUF_INIT, out = CS_BUF_INIT;
		size_t start = BOUNDARY - splits[i].before;

		cs_buf_add(&in, gbk_header, sizeof gbk_header - 1);
		cs_buf_add(&out, utf8_header, sizeof utf8_header - 1);
		while (in.len < start) {
			cs_buf_addc(&in, in.len % 50 == 49 ? '\n' : 'x');
			cs_buf_addc(&out, out.len % 50 == 49 ? '\n' : 'x');
			/* keep the two in step: same ASCII in both */
			out.data[out.len - 1] = in.data[in.len - 1];
		}
		cs_buf_adds(&in, splits[i].gb);
		cs_buf_adds(&out, splits[i].utf8);
		for (int k = 0; k < 20000; k++) {
			cs_buf_adds(&in, "\xBF\xCD\xB7\xFE,");	/* 客服, */
			cs_buf_adds(&out, "客服,");
		}
		char *path = ck_temp_file(in.data, in.len);
		for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
			struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
			size_t n;
			ssize_t last;
			ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
			char *got = read_all(s, caps[c], &n, &last);
			ck_assert_int_eq(last, 0);
			ck_assert_msg(n == out.len && memcmp(got, out.data, n) == 0,
			    "split %zu, cap %zu: %zu bytes, expected %zu", i,
			    caps[c], n, out.len);
			ck_assert_uint_eq(cs_source_replaced(s), 0);
			free(got);
			cs_source_close(s);
		}
		unlink(path);
		cs_buf_free(&in);
		cs_buf_free(&out);
	}
}
END_TEST

/* Bytes that are no GB18030 character become U+FFFD, and are counted. */
START_TEST(test_gb18030_invalid)
{
	static const struct {
		const char	*in, *out;
		unsigned long	 replaced;
	} cases[] = {
		{ "\xB6\xA9\xFF\xB5\xA5\n", "订\xEF\xBF\xBD单\n", 1 },
		{ "\xB6\xA9\x80\x80\n", "订\xEF\xBF\xBD\xEF\xBF\xBD\n", 2 },
		{ "\xB6\xA9\xB6\x20x\n", "订\xEF\xBF\xBD x\n", 1 },
		{ "\xB6\xA9\xB6", "订\xEF\xBF\xBD", 1 },	/* cut at the end */
		/* A cut-off four-byte sequence: its first byte is replaced,
		 * and reading goes on at the next one (an ASCII digit). */
		{ "\xB6\xA9\x94\x39", "订\xEF\xBF\xBD" "9", 1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = ck_temp_file(cases[i].in, strlen(cases[i].in));
		struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
		size_t n;
		ssize_t last;

		ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
		char *got = read_all(s, 16, &n, &last);
		ck_assert_int_eq(last, 0);
		ck_assert_msg(strcmp(got, cases[i].out) == 0, "case %zu: \"%s\"",
		    i, got);
		ck_assert_uint_eq(cs_source_replaced(s), cases[i].replaced);
		free(got);
		cs_source_close(s);
		unlink(path);
	}
}
END_TEST

START_TEST(test_utf16)
{
	/* "a,订\n" then 😀 (a surrogate pair) and "\n". */
	static const char le[] = "\xFF\xFE" "a\0,\0\xA2\x8B\n\0"
	    "\x3D\xD8\x00\xDE\n\0";
	static const char be[] = "\xFE\xFF" "\0a\0,\x8B\xA2\0\n"
	    "\xD8\x3D\xDE\x00\0\n";
	static const char want[] = "a,订\n😀\n";
	char *path = ck_temp_file(le, sizeof le - 1);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);

	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF16LE);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 16, want, sizeof want - 1);
	unlink(path);
	path = ck_temp_file(be, sizeof be - 1);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF16BE);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 16, want, sizeof want - 1);
	unlink(path);
}
END_TEST

/* A surrogate pair split by the 64 KiB boundary, and an odd last byte. */
START_TEST(test_utf16_split_and_odd)
{
	struct cs_buf in = CS_BUF_INIT, out = CS_BUF_INIT;
	size_t n;
	ssize_t last;

	cs_buf_add(&in, "\xFF\xFE", 2);
	while (in.len < BOUNDARY - 2) {
		cs_buf_add(&in, "x\0", 2);
		cs_buf_addc(&out, 'x');
	}
	cs_buf_add(&in, "\x3D\xD8\x00\xDE", 4);		/* 😀 */
	cs_buf_adds(&out, "😀");
	cs_buf_add(&in, "\n\0", 2);
	cs_buf_addc(&out, '\n');
	char *path = ck_temp_file(in.data, in.len);
	expect_read(path, CS_ENC_AUTO, 16, out.data, out.len);
	expect_read(path, CS_ENC_AUTO, 65536, out.data, out.len);
	unlink(path);

	/* An odd byte at the end: one U+FFFD, counted. */
	cs_buf_addc(&in, 'z');
	cs_buf_adds(&out, "\xEF\xBF\xBD");
	path = ck_temp_file(in.data, in.len);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
	char *got = read_all(s, 4096, &n, &last);
	ck_assert_int_eq(last, 0);
	ck_assert_uint_eq(n, out.len);
	ck_assert_mem_eq(got, out.data, n);
	ck_assert_uint_eq(cs_source_replaced(s), 1);
	free(got);
	cs_source_close(s);
	unlink(path);
	cs_buf_free(&in);
	cs_buf_free(&out);
}
END_TEST

/* --encoding decides when there is no byte-order mark. */
START_TEST(test_forced)
{
	char *path = ck_temp_file(gbk_header, sizeof gbk_header - 1);
	struct cs_source *s = cs_source_open(path, CS_ENC_UTF8);

	/* GBK read as UTF-8: passed through byte for byte, not counted. */
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	cs_source_close(s);
	expect_read(path, CS_ENC_UTF8, 16, gbk_header, sizeof gbk_header - 1);
	unlink(path);

	/* ASCII read as GB18030 is the same text. */
	path = ck_temp_file("a,b\n1,2\n", 8);
	s = cs_source_open(path, CS_ENC_GB18030);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
	cs_source_close(s);
	expect_read(path, CS_ENC_GB18030, 16, "a,b\n1,2\n", 8);
	unlink(path);
}
END_TEST

/* Valid UTF-8 whose character is cut by the end of the 64 KiB sniff
 * window is still UTF-8; GBK that starts after the window is not seen. */
START_TEST(test_sniff_window)
{
	struct cs_buf in = CS_BUF_INIT;

	while (in.len < BOUNDARY - 1)
		cs_buf_addc(&in, in.len % 64 == 63 ? '\n' : 'y');
	cs_buf_adds(&in, "中文\n");
	char *path = ck_temp_file(in.data, in.len);
	struct cs_source *s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_UTF8);
	cs_source_close(s);
	expect_read(path, CS_ENC_AUTO, 4096, in.data, in.len);
	unlink(path);

	/* A bad byte inside the window decides for GB18030. */
	in.data[100] = '\xB6';
	in.data[101] = '\xA9';
	path = ck_temp_file(in.data, in.len);
	s = cs_source_open(path, CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
	cs_source_close(s);
	unlink(path);
	cs_buf_free(&in);
}
END_TEST

/* Standard input, by NULL or "-", stays open for whatever runs next. */
START_TEST(test_stdin)
{
	const char data[] = "a,b\n1,2\n";
	char *path = ck_temp_file(data, sizeof data - 1);
	const char *names[] = { NULL, "-" };

	for (int i = 0; i < 2; i++) {
		int fd = open(path, O_RDONLY);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
		close(fd);
		struct cs_source *s = cs_source_open(names[i], CS_ENC_AUTO);
		size_t n;
		ssize_t last;
		ck_assert_ptr_nonnull(s);
		ck_assert_str_eq(cs_source_name(s), "-");
		char *got = read_all(s, 64, &n, &last);
		ck_assert_int_eq(last, 0);
		ck_assert_str_eq(got, data);
		free(got);
		cs_source_close(s);
		ck_assert_int_ne(fcntl(STDIN_FILENO, F_GETFD), -1);
	}
	unlink(path);
}
END_TEST

/* A pipe that delivers GBK in small pieces, the first GBK bytes after
 * 5,000 bytes of ASCII: the sniff window still sees them. */
START_TEST(test_stdin_pipe_pieces)
{
	struct cs_buf in = CS_BUF_INIT, out = CS_BUF_INIT;
	int fds[2];
	pid_t pid;
	size_t n;
	ssize_t last;

	while (in.len < 5000) {
		cs_buf_add(&in, "abcd,1234\n", 10);
		cs_buf_add(&out, "abcd,1234\n", 10);
	}
	for (int k = 0; k < 3000; k++) {
		cs_buf_add(&in, gbk_header, sizeof gbk_header - 1);
		cs_buf_add(&out, utf8_header, sizeof utf8_header - 1);
	}
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		for (size_t off = 0; off < in.len; off += 997) {
			size_t k = in.len - off < 997 ? in.len - off : 997;
			if (write(fds[1], in.data + off, k) != (ssize_t)k)
				_exit(1);
			if (off < 20000)
				usleep(2000);
		}
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_eq(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	struct cs_source *s = cs_source_open("-", CS_ENC_AUTO);
	ck_assert_int_eq(cs_source_encoding(s), CS_ENC_GB18030);
	char *got = read_all(s, 1000, &n, &last);
	ck_assert_int_eq(last, 0);
	ck_assert_uint_eq(n, out.len);
	ck_assert_mem_eq(got, out.data, n);
	free(got);
	cs_source_close(s);
	waitpid(pid, NULL, 0);
	cs_buf_free(&in);
	cs_buf_free(&out);
}
END_TEST

START_TEST(test_open_errors)
{
	char buf[64];

	errno = 0;
	ck_assert_ptr_null(cs_source_open("/nonexistent/cs-unit.csv",
	    CS_ENC_AUTO));
	ck_assert_int_eq(errno, ENOENT);

	/* A folder opens, and fails at the first read. */
	char *dir = ck_temp_dir();
	struct cs_source *s = cs_source_open(dir, CS_ENC_AUTO);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(cs_source_read(s, buf, sizeof buf), -1);
	ck_assert_str_eq(cs_source_error(s), strerror(EISDIR));
	cs_source_close(s);
	ck_rm_dir(dir);
	cs_source_close(NULL);
}
END_TEST

START_TEST(test_encoding_parse)
{
	enum cs_encoding e;

	ck_assert_int_eq(cs_encoding_parse("auto", &e), 0);
	ck_assert_int_eq(e, CS_ENC_AUTO);
	ck_assert_int_eq(cs_encoding_parse("utf-8", &e), 0);
	ck_assert_int_eq(e, CS_ENC_UTF8);
	ck_assert_int_eq(cs_encoding_parse("UTF8", &e), 0);
	ck_assert_int_eq(e, CS_ENC_UTF8);
	ck_assert_int_eq(cs_encoding_parse("gb18030", &e), 0);
	ck_assert_int_eq(e, CS_ENC_GB18030);
	ck_assert_int_eq(cs_encoding_parse("GBK", &e), 0);
	ck_assert_int_eq(e, CS_ENC_GB18030);
	ck_assert_int_eq(cs_encoding_parse("gb2312", &e), 0);
	ck_assert_int_eq(e, CS_ENC_GB18030);
	e = CS_ENC_UTF16BE;
	ck_assert_int_eq(cs_encoding_parse("latin1", &e), -1);
	ck_assert_int_eq(cs_encoding_parse("", &e), -1);
	ck_assert_int_eq(cs_encoding_parse("utf-16", &e), -1);
	ck_assert_int_eq(e, CS_ENC_UTF16BE);
}
END_TEST

/* One multi-byte character: its length and whether it is one. */
START_TEST(test_utf8_char)
{
	static const struct {
		const char	*in;
		size_t		 len;
		int		 status;
	} c[] = {
		{ "\xC3\xA9", 2, 1 },			/* é */
		{ "\xE4\xB8\xAD", 3, 1 },		/* 中 */
		{ "\xF0\x9F\x98\x80", 4, 1 },	/* an emoji */
		{ "\xF4\x8F\xBF\xBF", 4, 1 },	/* U+10FFFF */
		{ "\xE4\xB8\xADx", 3, 1 },		/* what follows is not read */
		{ "\x80", 1, 0 },			/* a lone continuation */
		{ "\xC0\x80", 1, 0 },			/* C0 is never a lead */
		{ "\xFF", 1, 0 },
		{ "\xE0\x80\x80", 3, 0 },		/* overlong */
		{ "\xED\xA0\x80", 3, 0 },		/* a surrogate */
		{ "\xF4\x90\x80\x80", 4, 0 },	/* past U+10FFFF */
		{ "\xE4x", 1, 0 },			/* cut short: x is a lead */
		{ "\xF0\x9F\x98x", 3, 0 },
		{ "\xE4\xB8", 2, -1 },		/* cut off by the end */
		{ "\xF0", 1, -1 },
	};

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int st = 9;
		size_t n = cs_utf8_char((const unsigned char *)c[i].in,
		    strlen(c[i].in), &st);
		ck_assert_msg(n == c[i].len && st == c[i].status,
		    "case %zu: %zu bytes, status %d", i, n, st);
	}
}
END_TEST

START_TEST(test_utf8_valid_prefix)
{
#define V(s, partial)	cs_utf8_valid_prefix((const unsigned char *)(s), \
	    sizeof(s) - 1, partial)
	ck_assert_int_eq(V("", 0), 1);
	ck_assert_int_eq(V("plain ascii", 0), 1);
	ck_assert_int_eq(V("订单编号😀é", 0), 1);
	ck_assert_int_eq(V("\xB6\xA9", 1), 0);		/* GBK */
	ck_assert_int_eq(V("\xC0\x80", 1), 0);		/* overlong */
	ck_assert_int_eq(V("\xE0\x80\x80", 1), 0);
	ck_assert_int_eq(V("\xED\xA0\x80", 1), 0);	/* surrogate */
	ck_assert_int_eq(V("\xF4\x90\x80\x80", 1), 0);	/* > U+10FFFF */
	ck_assert_int_eq(V("\xF5\x80\x80\x80", 1), 0);
	ck_assert_int_eq(V("\xE4\xB8" "a", 1), 0);
	/* Cut off at the end: valid only when the window may cut it. */
	ck_assert_int_eq(V("ab\xE4\xB8", 1), 1);
	ck_assert_int_eq(V("ab\xE4\xB8", 0), 0);
	ck_assert_int_eq(V("ab\xF0", 1), 1);
	ck_assert_int_eq(V("ab\xF0", 0), 0);
#undef V
}
END_TEST

static Suite *
source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("source");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_gzip_by_magic);
	tcase_add_test(tc, test_gzip_truncated);
	tcase_add_test(tc, test_gzip_corrupt);
	tcase_add_test(tc, test_gzip_empty);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_utf8_bom);
	tcase_add_test(tc, test_gb18030_detected);
	tcase_add_test(tc, test_gb18030_gzip);
	tcase_add_test(tc, test_gb18030_split_boundary);
	tcase_add_test(tc, test_gb18030_invalid);
	tcase_add_test(tc, test_utf16);
	tcase_add_test(tc, test_utf16_split_and_odd);
	tcase_add_test(tc, test_forced);
	tcase_add_test(tc, test_sniff_window);
	tcase_add_test(tc, test_stdin);
	tcase_add_test(tc, test_stdin_pipe_pieces);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_encoding_parse);
	tcase_add_test(tc, test_utf8_char);
	tcase_add_test(tc, test_utf8_valid_prefix);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-source", source_suite)
