/*
 * CSV reader over libcsv. The input is fed to csv_parse one physical line
 * at a time (memchr for '\n' over a 128 KiB buffer): line numbers then
 * cost nothing, and after a parse error reading resumes cleanly at the
 * next line. Measured on this machine, line-at-a-time feeding is as fast
 * as feeding 64 KiB chunks.
 *
 * libcsv traps handled here (see shared/STYLE.md):
 *   - it trims spaces and tabs around unquoted fields by default: kept,
 *     the values are trimmed anyway (cs_clean_field);
 *   - CSV_STRICT alone accepts an open quote at the end: CSV_STRICT_FINI;
 *   - after an error csv_fini with callbacks emits the partial row and
 *     clears the error: on error the parser is freed and made anew;
 *   - a stray quote can make one field swallow the file: the realloc
 *     function refuses to grow a field past FIELD_MAX.
 * Strict mode rejects the quote in a bare ="123" field, the way Excel-bound
 * exports write ids, so the '=' of that one pattern is not fed to libcsv
 * (parse_span).
 *
 * Only the fields a tool reads are copied out of libcsv, checked as UTF-8
 * or decoded from GB18030 (keep_field); for the others the field callback
 * stores three words.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "gbk.h"
#include "i18n.h"
#include "reader.h"
#include "xmalloc.h"

#define INBUF_SIZE	(128 * 1024)
#define FIELD_MAX	((size_t)64 * 1024 * 1024)

/* libcsv's parser states (csv.h exposes pstate, not the names). */
#define PSTATE_ROW_NOT_BEGUN	0
#define PSTATE_FIELD_NOT_BEGUN	1

struct pending {
	size_t	first;		/* index of its first field in off[]/len[] */
	size_t	n;		/* number of fields */
	long	line;
	bool	empty;		/* no field has a value */
};

struct cs_reader {
	struct cs_source *src;
	struct csv_parser p;
	unsigned char	 delim;

	char		*in;		/* decoded input */
	size_t		 inlen;
	size_t		 inpos;
	bool		 ineof;
	long		 line;		/* physical line being fed, 1-based */
	long		 row_line;	/* line where the row being built began */
	long		 cur_line;	/* line of the record cs_reject names */
	bool		 skip_to_eol;	/* after a parse error mid-line */
	const char	*broken;	/* why: reported once the line is read */
	long		 broken_line;	/* where that record began */

	struct cs_buf	 bytes;		/* field values, each NUL-terminated */
	size_t		*off;		/* field offsets into bytes */
	const char	**fv;		/* the same as pointers, or "" */
	size_t		*flen;
	size_t		 nf, capf;	/* fields of all pending rows */
	size_t		 row_first;	/* first field of the row being built */
	bool		 row_has_value;	/* a field of it is not empty */

	struct pending	*rows;		/* completed rows, in order */
	size_t		 nrows, rowpos, caprows;

	const char	*raw;		/* the record as read: in in[], or raw_copy */
	size_t		 rawlen;
	bool		 raw_copied;	/* raw points into raw_copy */
	struct cs_buf	 raw_copy;	/* a record that outlives a refill */
	unsigned long	 bad_utf8;	/* invalid sequences in kept values */
	struct cs_gbk	*gbk;		/* GB18030 read as is: decodes values */
	struct cs_gbk	*gbk_raw;	/* decodes raw records for messages */
	struct cs_buf	 raw_utf8;	/* the raw record decoded */

	const bool	*skip;		/* columns not copied, the first nskip */
	size_t		 nskip;		/* 0: every column is copied */

	struct cs_arena	 arena;		/* header storage */
	struct cs_row	 header;
	bool		 have_header;

	struct cs_row	 row;		/* the row handed out */
};

/* Set when the realloc function refused a field past FIELD_MAX: tells a
 * runaway field from a real out-of-memory. One reader parses at a time. */
static bool field_too_big;

/*
 * libcsv grows its field buffer by a fixed step (csv_set_blk_size), so a
 * long field is copied over and over where realloc cannot grow in place
 * (under ASan it never does: a runaway 64 MiB field took minutes). The
 * buffer keeps its capacity in a header in front of it and doubles; past
 * FIELD_MAX it refuses.
 */
#define FIELD_HDR	sizeof(max_align_t)

static void *
field_realloc(void *p, size_t size)
{
	char *b = p != NULL ? (char *)p - FIELD_HDR : NULL;
	size_t cap = 0;

	if (size > FIELD_MAX) {
		field_too_big = true;
		return NULL;
	}
	if (b != NULL)
		memcpy(&cap, b, sizeof cap);
	if (size <= cap)
		return p;
	if (cap == 0)
		cap = size;
	while (cap < size)
		cap *= 2;
	if (cap > FIELD_MAX)
		cap = FIELD_MAX;
	if ((b = realloc(b, FIELD_HDR + cap)) == NULL)
		return NULL;
	memcpy(b, &cap, sizeof cap);
	return b + FIELD_HDR;
}

static void
field_free(void *p)
{
	if (p != NULL)
		free((char *)p - FIELD_HDR);
}

static void
parser_init(struct cs_reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		cs_die(_("out of memory"));
	csv_set_realloc_func(&r->p, field_realloc);
	csv_set_free_func(&r->p, field_free);
	csv_set_blk_size(&r->p, 64 * 1024);
	csv_set_delim(&r->p, r->delim);
}

static bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether a field may need cs_clean_field: most have nothing to trim at
 * either end and no wrapper at the start, and an empty one has nothing. */
static inline bool
needs_clean(const unsigned char *s, size_t n)
{
	return n != 0 && (s[0] <= ' ' || s[0] == '=' || s[0] == '\'' ||
	    s[n - 1] <= ' ');
}

/*
 * Find the useful part of a field as exports write it: returns the offset
 * of its first byte and stores its length. Spaces and tabs go from both
 * ends; ="..." becomes what is inside the quotes (with "" as one quote);
 * a leading ' before a digit or '+' goes (the trick that stops Excel from
 * turning a phone number or an id into a number).
 */
size_t
cs_clean_field(const char *s, size_t n, size_t *outlen)
{
	size_t a = 0, b = n;

	if (!needs_clean((const unsigned char *)s, n)) {
		*outlen = n;
		return 0;
	}
	while (a < b && is_blank((unsigned char)s[a]))
		a++;
	while (b > a && is_blank((unsigned char)s[b - 1]))
		b--;
	if (b - a >= 3 && s[a] == '=' && s[a + 1] == '"' && s[b - 1] == '"') {
		a += 2;
		b--;
		while (a < b && is_blank((unsigned char)s[a]))
			a++;
		while (b > a && is_blank((unsigned char)s[b - 1]))
			b--;
	}
	if (b - a >= 2 && s[a] == '\'' &&
	    ((s[a + 1] >= '0' && s[a + 1] <= '9') || s[a + 1] == '+'))
		a++;
	*outlen = b - a;
	return a;
}

/* Whether a 3-byte UTF-8 character that needs no range check (E1-EC, EE,
 * EF leads: almost all Chinese text) starts at p[i]. */
static inline bool
plain3(const unsigned char *p, size_t i, size_t n)
{
	uint16_t t;

	if (n - i < 3 || p[i] - 0xE1u > 0x0Eu || p[i] == 0xED)
		return false;
	memcpy(&t, p + i + 1, 2);
	return (t & 0xC0C0) == 0x8080;
}

/*
 * The number of invalid UTF-8 sequences in p[0..n), counted the way a
 * decoder replaces them: a bad lead byte, a sequence cut short (its next
 * byte is read again as a lead), an overlong form, a surrogate or a code
 * point past U+10FFFF each count once. ASCII goes eight bytes a step,
 * runs of plain 3-byte characters in a loop of their own, and a 2-byte
 * character one step.
 */
static unsigned long
utf8_invalid(const unsigned char *p, size_t n)
{
	unsigned long bad = 0;
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		uint64_t w;

		if (c < 0x80) {
			i++;
			while (i + 8 <= n && (memcpy(&w, p + i, 8),
			    (w & 0x8080808080808080ULL) == 0))
				i += 8;
			continue;
		}
		if (plain3(p, i, n)) {
			do
				i += 3;
			while (plain3(p, i, n));
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
		    (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		/* The slow way: E0, ED, F0-F4 leads, and every error. */
		int st;
		i += cs_utf8_char(p + i, n - i, &st);
		bad += st <= 0;
	}
	return bad;
}

/* Whether p[0..n) is ASCII (ids, dates, amounts): the same in every
 * encoding here, copied without decoding. */
static bool
is_ascii(const unsigned char *p, size_t n)
{
	size_t i = 0;
	uint64_t w, any = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		any |= w;
	}
	for (; i < n; i++)
		any |= p[i];
	return (any & 0x8080808080808080ULL) == 0;
}

static void
grow_fields(struct cs_reader *r)
{
	r->capf = r->capf ? r->capf * 2 : 64;
	r->off = cs_xreallocarray(r->off, r->capf, sizeof *r->off);
	r->flen = cs_xreallocarray(r->flen, r->capf, sizeof *r->flen);
	r->fv = cs_xreallocarray(r->fv, r->capf, sizeof *r->fv);
}

/* memcpy, with the short values most fields hold (dates, amounts, yes/no,
 * names) copied in two overlapping moves rather than a call. */
static inline void
copy(char *d, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		uint64_t x, y;
		memcpy(&x, s, 8);
		memcpy(&y, s + n - 8, 8);
		memcpy(d, &x, 8);
		memcpy(d + n - 8, &y, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t x, y;
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else if (n > 0 && n < 4) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	} else if (n > 0)
		memcpy(d, s, n);
}

/* Copy a field the tool reads: cleaned, checked, NUL-terminated. */
static void __attribute__((noinline))
keep_field(struct cs_reader *r, size_t f, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = len, a = 0;
	char *d;

	if (needs_clean(u, len))	/* spares most fields a call */
		a = cs_clean_field(s, len, &n);
	r->row_has_value |= n > 0;
	/* The value and its NUL, with the buffer's own NUL after. Decoded
	 * GB18030 takes at most three bytes a byte (U+FFFD for a bad one),
	 * and the decoder writes eight bytes at a time. */
	size_t room = r->gbk != NULL ? 3 * n + 8 : n;
	if (r->bytes.len + room + 2 > r->bytes.cap) {
		cs_buf_grow(&r->bytes, room + 1);
		/* The buffer may have moved: point the values anew. */
		for (size_t i = 0; i < f; i++)
			r->fv[i] = r->flen[i] != 0 ? r->bytes.data + r->off[i] : "";
	}
	d = r->bytes.data + r->bytes.len;
	if (r->gbk != NULL && !is_ascii(u + a, n)) {
		const unsigned char *in = u + a;
		char *out = d;
		size_t inleft = n, outleft = room;
		cs_gbk_decode(r->gbk, &in, &inleft, &out, &outleft, 1);
		n = (size_t)(out - d);
	} else {
		copy(d, s + a, n);
		if (r->gbk == NULL)
			r->bad_utf8 += utf8_invalid((const unsigned char *)d, n);
	}
	d[n] = d[n + 1] = '\0';
	r->off[f] = r->bytes.len;
	r->fv[f] = d;
	r->flen[f] = n;
	r->bytes.len += n + 1;
}

static void on_field(void *, size_t, void *);

/* The field arrays are full: grow them, then take the field. */
static void __attribute__((noinline))
grow_then_field(struct cs_reader *r, void *s, size_t len)
{
	grow_fields(r);
	on_field(s, len, r);
}

/* A field not read, in a row with no value yet: is this one a value? */
static void __attribute__((noinline))
note_value(struct cs_reader *r, const char *s, size_t len)
{
	size_t n;

	cs_clean_field(s, len, &n);
	r->row_has_value = n > 0;
}

/*
 * libcsv's field callback. Every call it makes is a tail call, so it needs
 * no stack frame: a field not read (most fields of a wide export) costs
 * three stores. Not read: skip the copy. A field past the header is
 * copied: only its content tells a trailing comma (harmless) from a stray
 * comma that shifted the row (rejected).
 */
static void
on_field(void *s, size_t len, void *data)
{
	struct cs_reader *r = data;
	size_t f = r->nf, col = f - r->row_first;

	if (f == r->capf) {
		grow_then_field(r, s, len);
		return;
	}
	if (col >= r->nskip || !r->skip[col]) {
		r->nf = f + 1;
		keep_field(r, f, s, len);
		return;
	}
	r->nf = f + 1;
	r->off[f] = 0;
	r->fv[f] = "";
	r->flen[f] = 0;
	if (!r->row_has_value)
		note_value(r, s, len);
}

static void
on_row(int term, void *data)
{
	struct cs_reader *r = data;

	(void)term;
	if (r->nrows == r->caprows) {
		r->caprows = r->caprows ? r->caprows * 2 : 4;
		r->rows = cs_xreallocarray(r->rows, r->caprows, sizeof *r->rows);
	}
	r->rows[r->nrows].first = r->row_first;
	r->rows[r->nrows].n = r->nf - r->row_first;
	r->rows[r->nrows].line = r->row_line;
	r->rows[r->nrows].empty = !r->row_has_value;
	r->row_has_value = false;
	r->nrows++;
	r->row_first = r->nf;
	/* A second record on the same line (a bare CR ends rows too). */
	r->row_line = r->line;
}

/*
 * Parse one span, dropping the '=' of ="..." at the start of an unquoted
 * field: strict libcsv refuses a quote in an unquoted field, and Excel-bound
 * exports write ids that way (every line of a Taobao export has them).
 * Whether an '=' starts a field is libcsv's own knowledge: the parser is fed
 * up to the '=' and its state asked (a row or a field not begun; blanks
 * before it are skipped). Nothing is copied. Returns false on a parse error.
 */
static bool
parse_span(struct cs_reader *r, const char *s, size_t n)
{
	size_t done = 0, from = 0;	/* parsed s[0..done), searched s[0..from) */
	const char *eq;

	while (from + 1 < n && (eq = memchr(s + from, '=', n - from - 1)) != NULL) {
		size_t i = (size_t)(eq - s);
		from = i + 1;
		if (s[i + 1] != '"')
			continue;
		if (i > done && csv_parse(&r->p, s + done, i - done, on_field,
		    on_row, r) != i - done)
			return false;
		done = i;
		if (r->p.pstate == PSTATE_ROW_NOT_BEGUN ||
		    r->p.pstate == PSTATE_FIELD_NOT_BEGUN)
			done = i + 1;	/* drop the '=' */
	}
	return csv_parse(&r->p, s + done, n - done, on_field, on_row, r) ==
	    n - done;
}

static const char *
parse_error_reason(struct cs_reader *r)
{
	int err = csv_error(&r->p);

	if (err == CSV_ENOMEM && field_too_big)
		return _("malformed CSV: a field longer than 64 MiB (a quote left open?)");
	if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
		return _("out of memory");
	return _("malformed CSV: a quote inside an unquoted field or after a closing quote");
}

/* Forget the row being built, keeping rows completed before it. */
static void
drop_partial_row(struct cs_reader *r)
{
	r->nf = r->row_first;
	r->row_has_value = false;
}

static void
restart_parser(struct cs_reader *r)
{
	csv_free(&r->p);
	parser_init(r);
	field_too_big = false;
}

/*
 * The raw text of a record is a pointer into the input buffer while the
 * record is one span. A record that goes on into the next span, or that
 * must outlive a refill (which moves the buffer), is copied, with s[0..n)
 * appended (n may be 0).
 */
static void
keep_raw(struct cs_reader *r, const char *s, size_t n)
{
	if (!r->raw_copied) {
		cs_buf_reset(&r->raw_copy);
		cs_buf_add(&r->raw_copy, r->raw, r->rawlen);
		r->raw_copied = true;
	}
	cs_buf_add(&r->raw_copy, s, n);
	r->raw = r->raw_copy.data;
	r->rawlen = r->raw_copy.len;
}

/* Feed one span (a line, or a piece of an over-long line) to libcsv. */
static void
feed(struct cs_reader *r, const char *s, size_t n)
{
	bool starts_row = r->p.pstate == PSTATE_ROW_NOT_BEGUN;

	if (starts_row) {
		r->raw = s;
		r->rawlen = n;
		r->raw_copied = false;
		r->row_line = r->line;
	} else
		keep_raw(r, s, n);
	if (!parse_span(r, s, n)) {
		const char *why = parse_error_reason(r);
		r->cur_line = r->row_line;
		drop_partial_row(r);
		restart_parser(r);
		if (n > 0 && s[n - 1] == '\n') {
			cs_reader_reject(r, "%s", why);
			return;
		}
		/* The rest of this line belongs to the broken record: it is
		 * skipped, and kept in the record reported once it is read. */
		r->skip_to_eol = true;
		r->broken = why;
		r->broken_line = r->row_line;
	}
}

/* Read more decoded input; fatal on a read error. */
static void
fill(struct cs_reader *r)
{
	if (r->raw != NULL && !r->raw_copied)
		keep_raw(r, "", 0);
	if (r->inpos > 0) {
		memmove(r->in, r->in + r->inpos, r->inlen - r->inpos);
		r->inlen -= r->inpos;
		r->inpos = 0;
	}
	while (!r->ineof && r->inlen < INBUF_SIZE) {
		ssize_t n = cs_source_read(r->src, r->in + r->inlen,
		    INBUF_SIZE - r->inlen);
		if (n < 0)
			cs_die(_("%s: %s"), cs_source_name(r->src),
			    cs_source_error(r->src));
		if (n == 0)
			r->ineof = true;
		r->inlen += (size_t)n;
		if (n > 0)
			break;
	}
}

/*
 * Feed the next line. Returns false at the end of input, after csv_fini
 * has flushed a last line without a newline.
 */
static bool
next_span(struct cs_reader *r)
{
	const char *nl;

	for (;;) {
		nl = memchr(r->in + r->inpos, '\n', r->inlen - r->inpos);
		if (nl == NULL && !r->ineof &&
		    r->inlen - r->inpos < INBUF_SIZE / 2) {
			fill(r);
			continue;
		}
		if (!r->skip_to_eol)
			break;
		/* Skip the rest of a line that broke the parser, keeping it
		 * in the raw record, and report the record at its end. */
		size_t end = nl != NULL ? (size_t)(nl - r->in) + 1 : r->inlen;
		keep_raw(r, r->in + r->inpos, end - r->inpos);
		r->inpos = end;
		if (nl != NULL || r->ineof) {
			/* Rows before it on the line may have been handed out
			 * since: name the broken record's own line. */
			r->cur_line = r->broken_line;
			cs_reader_reject(r, "%s", r->broken);
			r->broken = NULL;
			r->skip_to_eol = false;
			if (nl == NULL)
				return false;
			r->line++;
		} else
			fill(r);
	}
	if (nl != NULL) {
		size_t start = r->inpos, n = (size_t)(nl - r->in) + 1 - start;
		r->inpos += n;
		feed(r, r->in + start, n);
		r->line++;
		return true;
	}
	if (r->inpos < r->inlen) {
		/* A line longer than half the buffer, or the last line without
		 * a newline: feed what there is; the line goes on. */
		size_t start = r->inpos, n = r->inlen - r->inpos;
		r->inpos = r->inlen;
		feed(r, r->in + start, n);
		return true;
	}
	/* End of input. */
	if (r->p.pstate != PSTATE_ROW_NOT_BEGUN) {
		if (csv_fini(&r->p, on_field, on_row, r) != 0) {
			r->cur_line = r->row_line;
			cs_reader_reject(r, "%s",
			    _("malformed CSV: a quoted field is not closed before the end of the input"));
			drop_partial_row(r);
			restart_parser(r);
		}
		return true;
	}
	return false;
}

/* Whether a row repeats the header: a second file's header after cat,
 * with the UTF-8 BOM that file started with, if any. */
static bool
repeats_header(const struct cs_reader *r, const struct pending *pr)
{
	if (pr->n < r->header.n)
		return false;
	for (size_t i = 0; i < r->header.n; i++) {
		size_t f = pr->first + i;
		if (i < r->nskip && r->skip[i])
			continue;
		const char *v = r->bytes.data + r->off[f];
		size_t n = r->flen[f];
		if (i == 0 && n >= 3 && memcmp(v, "\xEF\xBB\xBF", 3) == 0) {
			v += 3;
			n -= 3;
		}
		if (n != r->header.len[i] || memcmp(v, r->header.v[i], n) != 0)
			return false;
	}
	return true;
}

static void
expose(struct cs_reader *r, const struct pending *pr)
{
	r->row.n = pr->n;
	r->row.v = r->fv + pr->first;
	r->row.len = r->flen + pr->first;
	r->row.line = pr->line;
	r->cur_line = pr->line;
}

static void
take_header(struct cs_reader *r, const struct pending *pr)
{
	char **v = cs_arena_alloc(&r->arena, (pr->n + 1) * sizeof *v);
	size_t *len = cs_arena_alloc(&r->arena, (pr->n + 1) * sizeof *len);

	for (size_t i = 0; i < pr->n; i++) {
		size_t f = pr->first + i;
		v[i] = cs_arena_strndup(&r->arena, r->bytes.data + r->off[f],
		    r->flen[f]);
		len[i] = r->flen[f];
	}
	r->header.n = pr->n;
	r->header.v = (const char **)v;
	r->header.len = len;
	r->header.line = pr->line;
	r->have_header = true;
}

/* Hand out the next acceptable pending row, or NULL when none is left. */
static const struct cs_row *
pop(struct cs_reader *r)
{
	while (r->rowpos < r->nrows) {
		const struct pending *pr = &r->rows[r->rowpos++];
		if (pr->empty || repeats_header(r, pr))
			continue;
		expose(r, pr);
		if (pr->n != r->header.n) {
			size_t n = pr->n;
			/* Trailing empty fields (a stray comma) are harmless. */
			while (n > r->header.n && r->flen[pr->first + n - 1] == 0)
				n--;
			if (n != r->header.n) {
				cs_reader_reject(r,
				    _("%zu fields, but the header has %zu"), pr->n,
				    r->header.n);
				continue;
			}
			r->row.n = n;
		}
		return &r->row;
	}
	return NULL;
}

/*
 * Open path ("-" for standard input) and read its header. Fatal if the file
 * cannot be opened or read. An empty input has a header of no fields.
 */
struct cs_reader *
cs_reader_open(const char *path, const struct cs_reader_opts *opts)
{
	struct cs_source *src;
	struct cs_reader *r;

	src = cs_source_open(path, opts != NULL ? opts->encoding : CS_ENC_AUTO);
	if (src == NULL)
		cs_die("%s: %s", path, strerror(errno));
	r = cs_xcalloc(1, sizeof *r);
	r->src = src;
	r->delim = opts != NULL && opts->delim != 0 ? opts->delim : ',';
	/* GBK's second bytes are 0x40 and up: below that (',', tab, ';') a
	 * delimiter, a quote or a line end is never part of a character, so
	 * libcsv can split GB18030 as it is and only the values a tool reads
	 * are decoded. */
	if (r->delim < 0x40 && cs_source_keep_gb18030(r->src) &&
	    (r->gbk = cs_gbk_open()) == NULL) {
		int err = errno;
		cs_source_close(r->src);
		free(r);
		cs_die(_("%s: cannot decode GB18030: %s"), path, strerror(err));
	}
	r->in = cs_xmalloc(INBUF_SIZE);
	r->line = 1;
	cs_arena_init(&r->arena);
	parser_init(r);
	/* Read until the header row is taken (blank lines before it are
	 * skipped); data rows parsed with it stay pending for cs_reader_next. */
	while (!r->have_header) {
		while (r->rowpos < r->nrows && !r->have_header) {
			const struct pending *pr = &r->rows[r->rowpos++];
			if (!pr->empty)
				take_header(r, pr);
		}
		if (r->have_header || !next_span(r))
			break;
	}
	if (!r->have_header) {
		r->header.v = cs_arena_alloc(&r->arena, sizeof(char *));
		r->header.len = cs_arena_alloc(&r->arena, sizeof(size_t));
		r->header.n = 0;
		r->have_header = true;
	}
	return r;
}

/* The header row: field names, cleaned like values. */
const struct cs_row *
cs_reader_header(const struct cs_reader *r)
{
	return &r->header;
}

/*
 * Copy only the columns listed in cols (n entries; -1 entries are skipped):
 * the others read as empty. For speed: a tool that uses five of fifty
 * columns copies five.
 */
void
cs_reader_want_columns(struct cs_reader *r, const int *cols, size_t n)
{
	bool *skip = cs_arena_alloc(&r->arena, (r->header.n + 1) * sizeof *skip);

	memset(skip, 1, (r->header.n + 1) * sizeof *skip);
	for (size_t i = 0; i < n; i++)
		if (cols[i] >= 0 && (size_t)cols[i] < r->header.n)
			skip[cols[i]] = false;
	r->skip = skip;
	r->nskip = r->header.n;
}

/* The next data row, or NULL at the end of the input. */
const struct cs_row *
cs_reader_next(struct cs_reader *r)
{
	const struct cs_row *row;

	for (;;) {
		if ((row = pop(r)) != NULL)
			return row;
		/* Everything handed out: reuse the buffers, but keep the row
		 * being built (a quoted field across lines). */
		size_t keep = r->nf - r->row_first;
		if (keep == 0)
			cs_buf_reset(&r->bytes);
		if (keep > 0 && r->row_first > 0) {
			memmove(r->off, r->off + r->row_first, keep * sizeof *r->off);
			memmove(r->fv, r->fv + r->row_first, keep * sizeof *r->fv);
			memmove(r->flen, r->flen + r->row_first,
			    keep * sizeof *r->flen);
		}
		r->nf = keep;
		r->row_first = 0;
		r->nrows = r->rowpos = 0;
		if (!next_span(r))
			return NULL;
	}
}

/* The input's name as messages show it ("-" for standard input). */
const char *
cs_reader_name(const struct cs_reader *r)
{
	return cs_source_name(r->src);
}

/* The current record as read, in UTF-8, line end included. */
void
cs_reader_raw(struct cs_reader *r, const char **s, size_t *n)
{
	if (r->raw == NULL) {
		*s = "";
		*n = 0;
		return;
	}
	if (r->gbk == NULL) {
		*s = r->raw;
		*n = r->rawlen;
		return;
	}
	/* Kept GB18030: decode it now, with a decoder of its own, so that
	 * only the values count in the replacement warning. */
	if (r->gbk_raw == NULL && (r->gbk_raw = cs_gbk_open()) == NULL)
		cs_die(_("%s: cannot decode GB18030: %s"), cs_reader_name(r),
		    strerror(errno));
	const unsigned char *in = (const unsigned char *)r->raw;
	size_t inleft = r->rawlen, outleft = 3 * r->rawlen + 8;
	char *out;
	cs_buf_reset(&r->raw_utf8);
	cs_buf_grow(&r->raw_utf8, outleft);
	out = r->raw_utf8.data;
	cs_gbk_decode(r->gbk_raw, &in, &inleft, &out, &outleft, 1);
	r->raw_utf8.len = (size_t)(out - r->raw_utf8.data);
	r->raw_utf8.data[r->raw_utf8.len] = '\0';
	*s = r->raw_utf8.data;
	*n = r->raw_utf8.len;
}

/* Reject the current record: see cs_reject. */
void
cs_reader_reject(struct cs_reader *r, const char *fmt, ...)
{
	char reason[2048];
	const char *raw;
	size_t rawlen;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	cs_reader_raw(r, &raw, &rawlen);
	cs_reject(cs_source_name(r->src), r->cur_line, raw, rawlen, "%s",
	    reason);
}

/* Close the input; warn if bytes had to be replaced while decoding. */
void
cs_reader_close(struct cs_reader *r)
{
	if (r == NULL)
		return;
	unsigned long bad = cs_source_replaced(r->src) +
	    (r->gbk != NULL ? cs_gbk_replaced(r->gbk) : 0);
	if (bad > 0)
		cs_warn(_("%s: %lu invalid byte sequences replaced by U+FFFD (is --encoding right?)"),
		    cs_source_name(r->src), bad);
	bad = r->bad_utf8;
	if (bad > 0)
		cs_warn(_("%s: %lu invalid UTF-8 sequences (if the file is GBK, use --encoding gb18030)"),
		    cs_source_name(r->src), bad);
	csv_free(&r->p);
	cs_source_close(r->src);
	cs_buf_free(&r->bytes);
	cs_buf_free(&r->raw_copy);
	cs_buf_free(&r->raw_utf8);
	cs_gbk_close(r->gbk);
	cs_gbk_close(r->gbk_raw);
	cs_arena_free(&r->arena);
	free(r->off);
	free(r->flen);
	free(r->rows);
	free(r->fv);
	free(r->in);
	free(r);
}
