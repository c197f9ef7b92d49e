/*
 * Input source. zlib's gzread serves gzip and plain files alike (it
 * checks the magic bytes), so there is one path for both. Its buffer is
 * 32 KiB: a read of twice that or more (the reader asks for 128 KiB) goes
 * straight into the caller's buffer, with no copy. Transcoding reads a raw buffer of 64 KiB into the
 * caller's buffer: GB18030 through gbk.c (the exports are big and mostly
 * GBK), UTF-16 through iconv(3).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "gbk.h"
#include "i18n.h"
#include "source.h"
#include "xmalloc.h"

#define RAW_SIZE	(64 * 1024)
#define SNIFF_SIZE	(64 * 1024)

struct cs_source {
	char		*name;
	gzFile		 gz;
	bool		 is_gzip;
	bool		 eof;		/* gzread returned 0 */
	bool		 failed;
	char		 errmsg[256];
	enum cs_encoding enc;
	iconv_t		 cd;		/* UTF-16, else (iconv_t)-1 */
	struct cs_gbk	*gbk;		/* GB18030, else NULL */
	unsigned char	*raw;
	size_t		 rawlen;	/* bytes in raw */
	size_t		 rawpos;	/* bytes of raw consumed */
	unsigned long	 replaced;	/* invalid sequences turned into U+FFFD */
};

/* Parse an --encoding value; 0 on success. */
int
cs_encoding_parse(const char *s, enum cs_encoding *enc)
{
	if (strcmp(s, "auto") == 0)
		*enc = CS_ENC_AUTO;
	else if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		*enc = CS_ENC_UTF8;
	else if (strcasecmp(s, "gb18030") == 0 || strcasecmp(s, "gbk") == 0 ||
	    strcasecmp(s, "gb2312") == 0)
		*enc = CS_ENC_GB18030;
	else
		return -1;
	return 0;
}

/*
 * The multi-byte UTF-8 character at p[0..n) (n > 0, p[0] >= 0x80). Returns
 * how many bytes it takes, with *status 1 when it is a valid character, 0
 * when it is not (a bad lead byte: 1 byte; a sequence cut short by a byte
 * that does not continue it: the bytes before that one; an overlong form,
 * a surrogate or a code point past U+10FFFF: the whole sequence) and -1
 * when a valid start is cut off by the end of p (all n bytes).
 */
size_t
cs_utf8_char(const unsigned char *p, size_t n, int *status)
{
	unsigned char c = p[0];
	size_t need, i = 1;
	uint32_t cp, min;

	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		min = 0x10000;
	} else {
		*status = 0;
		return 1;
	}
	cp = c & (0x3Fu >> need);
	for (; need > 0 && i < n && (p[i] & 0xC0) == 0x80; need--, i++)
		cp = (cp << 6) | (p[i] & 0x3Fu);
	if (need > 0)
		*status = i == n ? -1 : 0;
	else
		*status = cp >= min && cp <= 0x10FFFF &&
		    !(cp >= 0xD800 && cp <= 0xDFFF);
	return i;
}

/*
 * Whether p[0..n) is valid UTF-8. When partial_ok, a sequence cut off by
 * the end of the buffer counts as valid (the sniff window ends anywhere).
 */
int
cs_utf8_valid_prefix(const unsigned char *p, size_t n, int partial_ok)
{
	size_t i = 0;
	int st;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		i += cs_utf8_char(p + i, n - i, &st);
		if (st == 0)
			return 0;
		if (st < 0)
			return partial_ok;
	}
	return 1;
}

/* zlib's messages start with "<fd:5>: ": the file is named by the caller. */
static const char *
zmsg(const char *msg)
{
	if (strncmp(msg, "<fd:", 4) == 0) {
		const char *p = strstr(msg, ": ");
		if (p != NULL)
			return p + 2;
	}
	return msg;
}

static void
fail(struct cs_source *s, const char *msg)
{
	s->failed = true;
	snprintf(s->errmsg, sizeof s->errmsg, "%s", msg);
}

/* One read of up to cap bytes into dst: > 0 bytes read, 0 at the end,
 * -1 on an error (then s has failed). */
static ssize_t
read_some(struct cs_source *s, char *dst, size_t cap)
{
	int err, n;
	const char *msg;

	if (s->eof || s->failed)
		return s->failed ? -1 : 0;
	if (cap > INT_MAX)
		cap = INT_MAX;
	n = gzread(s->gz, dst, (unsigned)cap);
	if (n > 0)
		return n;	/* a short read from a pipe: use what arrived */
	msg = gzerror(s->gz, &err);
	if (n < 0) {
		fail(s, err == Z_ERRNO ? strerror(errno) : zmsg(msg));
		return -1;
	}
	s->eof = true;
	/* gzread ends a cut-off gzip stream like a whole one; only the
	 * error state tells them apart. */
	if (err == Z_BUF_ERROR) {
		char m[200];
		snprintf(m, sizeof m, _("truncated gzip input (%s)"), zmsg(msg));
		fail(s, m);
		return -1;
	}
	if (err != Z_OK && err != Z_STREAM_END) {
		fail(s, err == Z_ERRNO ? strerror(errno) : zmsg(msg));
		return -1;
	}
	return 0;
}

/* Read more raw bytes after the unconsumed ones; false at end or error. */
static bool
refill(struct cs_source *s)
{
	if (s->rawpos > 0) {
		memmove(s->raw, s->raw + s->rawpos, s->rawlen - s->rawpos);
		s->rawlen -= s->rawpos;
		s->rawpos = 0;
	}
	if (s->rawlen < RAW_SIZE) {
		ssize_t n = read_some(s, (char *)s->raw + s->rawlen,
		    RAW_SIZE - s->rawlen);
		if (n < 0)
			return false;
		s->rawlen += (size_t)n;
	}
	return s->rawlen > s->rawpos;
}

static const char *
iconv_name(enum cs_encoding enc)
{
	switch (enc) {
	case CS_ENC_GB18030:
		return "GB18030";
	case CS_ENC_UTF16LE:
		return "UTF-16LE";
	case CS_ENC_UTF16BE:
		return "UTF-16BE";
	case CS_ENC_AUTO:
	case CS_ENC_UTF8:
		break;
	}
	return NULL;
}

/* Decide the encoding from a byte-order mark or the first 64 KiB. */
static void
sniff(struct cs_source *s, enum cs_encoding want)
{
	const unsigned char *p;
	size_t n;

	/* Fill the sniff window completely: a pipe may deliver it in pieces. */
	while (!s->eof && !s->failed && s->rawlen < SNIFF_SIZE) {
		size_t before = s->rawlen;
		refill(s);
		if (s->rawlen == before && !s->eof)
			break;
	}
	p = s->raw;
	n = s->rawlen;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		s->enc = CS_ENC_UTF8;
		s->rawpos = 3;
	} else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		s->enc = CS_ENC_UTF16LE;
		s->rawpos = 2;
	} else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		s->enc = CS_ENC_UTF16BE;
		s->rawpos = 2;
	} else if (n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 &&
	    p[3] == 0x33) {
		s->enc = CS_ENC_GB18030;
		s->rawpos = 4;
	} else if (want != CS_ENC_AUTO)
		s->enc = want;
	else
		s->enc = cs_utf8_valid_prefix(p, n, !s->eof) ? CS_ENC_UTF8 :
		    CS_ENC_GB18030;
}

/*
 * Open path (NULL or "-" for standard input). Returns NULL with errno set
 * when the file cannot be opened; read errors show later, in reads.
 */
struct cs_source *
cs_source_open(const char *path, enum cs_encoding want)
{
	struct cs_source *s;
	int fd, gfd;

	if (path == NULL || strcmp(path, "-") == 0) {
		path = "-";
		fd = STDIN_FILENO;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	/* zlib closes the descriptor it gets: give it a duplicate, so that
	 * standard input stays open for whatever runs after us. */
	gfd = dup(fd);
	if (fd != STDIN_FILENO)
		close(fd);
	if (gfd < 0)
		return NULL;
	s = cs_xcalloc(1, sizeof *s);
	s->name = cs_xstrdup(path);
	s->cd = (iconv_t)-1;
	s->gz = gzdopen(gfd, "rb");
	if (s->gz == NULL) {
		close(gfd);
		free(s->name);
		free(s);
		errno = ENOMEM;
		return NULL;
	}
	gzbuffer(s->gz, 32 * 1024);
	s->raw = cs_xmalloc(RAW_SIZE);
	sniff(s, want);
	s->is_gzip = !gzdirect(s->gz);
	const char *from = iconv_name(s->enc);
	bool ok = true;
	if (s->enc == CS_ENC_GB18030)
		ok = (s->gbk = cs_gbk_open()) != NULL;
	else if (from != NULL)
		ok = (s->cd = iconv_open("UTF-8", from)) != (iconv_t)-1;
	if (!ok) {
		char m[200];
		snprintf(m, sizeof m, _("cannot decode %s: %s"), from,
		    strerror(errno));
		fail(s, m);
	}
	return s;
}

static ssize_t
read_plain(struct cs_source *s, char *buf, size_t cap)
{
	ssize_t n;

	if (s->rawpos < s->rawlen) {	/* what sniffing read ahead */
		n = (ssize_t)(s->rawlen - s->rawpos);
		if ((size_t)n > cap)
			n = (ssize_t)cap;
		memcpy(buf, s->raw + s->rawpos, (size_t)n);
		s->rawpos += (size_t)n;
	} else
		n = read_some(s, buf, cap);	/* no copy */
	return n;
}

static ssize_t
read_iconv(struct cs_source *s, char *buf, size_t cap)
{
	static const char replacement[] = "\xEF\xBF\xBD";
	char *out = buf;
	size_t outleft = cap;

	for (;;) {
		if (s->rawpos < s->rawlen) {
			char *in = (char *)s->raw + s->rawpos;
			size_t inleft = s->rawlen - s->rawpos;
			size_t r = iconv(s->cd, &in, &inleft, &out, &outleft);
			int err = errno;
			s->rawpos = (size_t)(in - (char *)s->raw);
			if (r == (size_t)-1) {
				if (err == E2BIG)
					break;
				if (err == EILSEQ ||
				    (err == EINVAL && s->eof)) {
					if (outleft < 3)
						break;
					memcpy(out, replacement, 3);
					out += 3;
					outleft -= 3;
					s->replaced++;
					/* Only UTF-16 comes here: units of two bytes. */
					s->rawpos += 2;
					if (s->rawpos > s->rawlen)
						s->rawpos = s->rawlen;
					continue;
				}
				/* EINVAL: a character continues in the next
				 * read; fall through to refill. */
			}
		}
		if (out > buf)
			break;
		if (!refill(s))
			return s->failed ? -1 : 0;
	}
	return out - buf;
}

/* GB18030: what read_iconv does, through the native decoder. */
static ssize_t
read_gbk(struct cs_source *s, char *buf, size_t cap)
{
	char *out = buf;
	size_t outleft = cap;

	for (;;) {
		if (s->rawpos < s->rawlen) {
			const unsigned char *in = s->raw + s->rawpos;
			size_t inleft = s->rawlen - s->rawpos;

			/* At the end of the file a cut-off character is
			 * invalid; before it, it waits for the next read. */
			cs_gbk_decode(s->gbk, &in, &inleft, &out, &outleft,
			    s->eof);
			s->rawpos = s->rawlen - inleft;
		}
		if (out > buf)
			break;
		if (!refill(s))
			return s->failed ? -1 : 0;
	}
	return out - buf;
}

/*
 * Read up to cap (at least 16) decoded bytes into buf. Returns the count,
 * 0 at the end, -1 on a read error or a truncated gzip stream.
 */
ssize_t
cs_source_read(struct cs_source *s, char *buf, size_t cap)
{
	if (s->failed)
		return -1;
	if (s->gbk != NULL)
		return read_gbk(s, buf, cap);
	if (s->cd == (iconv_t)-1)
		return read_plain(s, buf, cap);
	return read_iconv(s, buf, cap);
}

/*
 * Pass GB18030 input through undecoded from now on, for a caller that
 * decodes only the bytes it uses (the CSV reader decodes the fields a
 * tool reads, with cs_gbk). Returns 1 when the input is GB18030, else 0
 * and nothing changes. Call it before the first read.
 */
int
cs_source_keep_gb18030(struct cs_source *s)
{
	if (s->gbk == NULL)
		return 0;
	cs_gbk_close(s->gbk);
	s->gbk = NULL;
	return 1;
}

/* Why the last read failed. */
const char *
cs_source_error(const struct cs_source *s)
{
	return s->errmsg;
}

/* The name given at open ("-" for standard input). */
const char *
cs_source_name(const struct cs_source *s)
{
	return s->name;
}

/* The encoding in use, after detection. */
enum cs_encoding
cs_source_encoding(const struct cs_source *s)
{
	return s->enc;
}

/* How many invalid byte sequences were replaced by U+FFFD. */
unsigned long
cs_source_replaced(const struct cs_source *s)
{
	if (s->gbk != NULL)
		return cs_gbk_replaced(s->gbk);
	return s->replaced;
}

/* Whether the input was gzip-compressed. */
int
cs_source_gzip(const struct cs_source *s)
{
	return s->is_gzip;
}

/* Close the source and free it. */
void
cs_source_close(struct cs_source *s)
{
	if (s == NULL)
		return;
	if (s->cd != (iconv_t)-1)
		iconv_close(s->cd);
	cs_gbk_close(s->gbk);
	gzclose_r(s->gz);
	free(s->raw);
	free(s->name);
	free(s);
}
