/*
 * CSV reader over libcsv. The input is fed to csv_parse one physical line
 * at a time (memchr for '\n' over a 64 KiB buffer): line numbers then cost
 * nothing, and after a parse error reading resumes cleanly at the next
 * line. Measured on this machine, line-at-a-time feeding is as fast as
 * feeding 64 KiB chunks.
 *
 * libcsv traps handled here (see shared/STYLE.md):
 *   - it trims spaces by default: a space function that says "never";
 *   - CSV_STRICT alone accepts an open quote at the end: CSV_STRICT_FINI;
 *   - after an error csv_fini with callbacks emits the partial row and
 *     clears the error: on error the parser is freed and made anew;
 *   - a stray quote can make one field swallow the file: the realloc
 *     function refuses to grow a field past FIELD_MAX.
 * Strict mode rejects the quote in a bare ="123" field, the way Excel-bound
 * exports write ids, so that one pattern is rewritten to "123" before the
 * line reaches libcsv (unwrap_formulas).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "reader.h"
#include "xmalloc.h"

#define INBUF_SIZE	(64 * 1024)
#define FIELD_MAX	((size_t)64 * 1024 * 1024)

/* libcsv's parser states (csv.h exposes pstate, not the names). */
#define PSTATE_ROW_NOT_BEGUN	0
#define PSTATE_FIELD_BEGUN	2

struct pending {
	size_t	first;		/* index of its first field in off[]/len[] */
	size_t	n;		/* number of fields */
	long	line;
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

	struct cs_buf	 bytes;		/* field values, each NUL-terminated */
	size_t		*off;		/* field offsets into bytes */
	size_t		*flen;
	size_t		 nf, capf;	/* fields of all pending rows */
	size_t		 row_first;	/* first field of the row being built */

	struct pending	*rows;		/* completed rows, in order */
	size_t		 nrows, rowpos, caprows;

	struct cs_buf	 raw;		/* the record(s) as read */
	struct cs_buf	 fixed;		/* a line with ="..." rewritten */

	const bool	*want;		/* columns to copy; NULL = all */
	size_t		 nwant;

	struct cs_arena	 arena;		/* header storage */
	struct cs_row	 header;
	bool		 have_header;

	struct cs_row	 row;		/* the row handed out */
	const char	**vals;
	size_t		*lens;
	size_t		 capv;
};

/* Set when the realloc function refused a field past FIELD_MAX: tells a
 * runaway field from a real out-of-memory. One reader parses at a time. */
static bool field_too_big;

static void *
capped_realloc(void *p, size_t size)
{
	if (size > FIELD_MAX) {
		field_too_big = true;
		return NULL;
	}
	return realloc(p, size);
}

static void
parser_init(struct cs_reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		cs_die(_("out of memory"));
	csv_set_realloc_func(&r->p, capped_realloc);
	csv_set_blk_size(&r->p, 64 * 1024);
	csv_set_delim(&r->p, r->delim);
}

static bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
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

static void
on_field(void *s, size_t len, void *data)
{
	struct cs_reader *r = data;
	size_t col = r->nf - r->row_first;

	if (r->nf == r->capf) {
		r->capf = r->capf ? r->capf * 2 : 64;
		r->off = cs_xreallocarray(r->off, r->capf, sizeof *r->off);
		r->flen = cs_xreallocarray(r->flen, r->capf, sizeof *r->flen);
	}
	if (r->want != NULL && col < r->nwant && !r->want[col] &&
	    r->have_header) {
		/* Not used by the tool: skip the copy. A field past the header
		 * is copied: only its content tells a trailing comma (harmless)
		 * from a stray comma that shifted the row (rejected). */
		r->off[r->nf] = 0;
		r->flen[r->nf] = 0;
	} else {
		size_t n, a = cs_clean_field(s, len, &n);
		char *d;
		/* The value and its NUL, with the buffer's own NUL after. */
		cs_buf_grow(&r->bytes, n + 1);
		d = r->bytes.data + r->bytes.len;
		if (n > 0)
			memcpy(d, (const char *)s + a, n);
		d[n] = d[n + 1] = '\0';
		r->off[r->nf] = r->bytes.len;
		r->flen[r->nf] = n;
		r->bytes.len += n + 1;
	}
	r->nf++;
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
	r->nrows++;
	r->row_first = r->nf;
	/* A second record on the same line (a bare CR ends rows too). */
	r->row_line = r->line;
}

/*
 * Rewrite ="..." at the start of an unquoted field to "...", so that strict
 * libcsv reads it as a quoted field. in_quotes says whether the line starts
 * inside a quoted field continued from the line before. Returns the line to
 * feed (the input itself when there is nothing to rewrite).
 *
 * Every line of a Taobao export has such ids, so this is on the hot path:
 * quoted text is skipped with memchr and the line is copied in spans
 * between the dropped '=' signs, never a byte at a time.
 */
static const char *
unwrap_formulas(struct cs_reader *r, const char *s, size_t n, bool in_quotes,
    size_t *outlen)
{
	const char delim = (char)r->delim;
	bool field_start = !in_quotes, copied = false;
	size_t last = 0;	/* s[last..] is not copied yet */

	*outlen = n;
	if (n < 2 || memchr(s, '=', n) == NULL)
		return s;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_quotes) {
			/* A "" inside quotes closes and opens again. */
			const char *q = memchr(s + i, '"', n - i);
			if (q == NULL)
				break;
			i = (size_t)(q - s);
			in_quotes = false;
			field_start = false;
		} else if (c == '"') {
			in_quotes = true;
			field_start = false;
		} else if (c == delim)
			field_start = true;
		else if (field_start && c == '=' && i + 1 < n && s[i + 1] == '"') {
			if (!copied) {
				cs_buf_reset(&r->fixed);
				copied = true;
			}
			cs_buf_add(&r->fixed, s + last, i - last);
			last = i + 1;	/* drop the '=' */
			field_start = false;
		} else if (field_start && (c == ' ' || c == '\t'))
			continue;	/* still at the start */
		else
			field_start = false;
	}
	if (!copied)
		return s;
	cs_buf_add(&r->fixed, s + last, n - last);
	*outlen = r->fixed.len;
	return r->fixed.data;
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
}

static void
restart_parser(struct cs_reader *r)
{
	csv_free(&r->p);
	parser_init(r);
	field_too_big = false;
}

/* Feed one span (a line, or a piece of an over-long line) to libcsv. */
static void
feed(struct cs_reader *r, const char *s, size_t n)
{
	bool starts_row = r->p.pstate == PSTATE_ROW_NOT_BEGUN;
	bool in_quotes = r->p.pstate == PSTATE_FIELD_BEGUN && r->p.quoted;
	size_t len;
	const char *line;

	if (starts_row) {
		cs_buf_reset(&r->raw);
		r->row_line = r->line;
	}
	cs_buf_add(&r->raw, s, n);
	line = unwrap_formulas(r, s, n, in_quotes, &len);
	if (csv_parse(&r->p, line, len, on_field, on_row, r) != len) {
		r->cur_line = r->row_line;
		cs_reader_reject(r, "%s", parse_error_reason(r));
		drop_partial_row(r);
		restart_parser(r);
		/* The rest of this line belongs to the broken record. */
		r->skip_to_eol = n == 0 || s[n - 1] != '\n';
	}
}

/* Read more decoded input; fatal on a read error. */
static void
fill(struct cs_reader *r)
{
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
		/* Discard the rest of a line that broke the parser. */
		if (nl != NULL) {
			r->inpos = (size_t)(nl - r->in) + 1;
			r->line++;
			r->skip_to_eol = false;
		} else {
			r->inpos = r->inlen;
			if (r->ineof)
				return false;
			fill(r);
		}
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

static bool
all_empty(const struct cs_reader *r, const struct pending *pr)
{
	for (size_t i = 0; i < pr->n; i++)
		if (r->flen[pr->first + i] != 0)
			return false;
	return true;
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
		const char *v = r->bytes.data + r->off[f];
		size_t n = r->flen[f];
		if (r->want != NULL && (i >= r->nwant || !r->want[i]))
			continue;
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
	if (pr->n > r->capv) {
		r->capv = pr->n * 2;
		r->vals = cs_xreallocarray(r->vals, r->capv, sizeof *r->vals);
		r->lens = cs_xreallocarray(r->lens, r->capv, sizeof *r->lens);
	}
	for (size_t i = 0; i < pr->n; i++) {
		size_t f = pr->first + i;
		r->vals[i] = r->flen[f] != 0 ? r->bytes.data + r->off[f] : "";
		r->lens[i] = r->flen[f];
	}
	r->row.n = pr->n;
	r->row.v = r->vals;
	r->row.len = r->lens;
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
		if (all_empty(r, pr) || repeats_header(r, pr))
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
	struct cs_reader *r = cs_xcalloc(1, sizeof *r);

	r->src = cs_source_open(path, opts != NULL ? opts->encoding : CS_ENC_AUTO);
	if (r->src == NULL)
		cs_die("%s: %s", path, strerror(errno));
	r->delim = opts != NULL && opts->delim != 0 ? opts->delim : ',';
	r->in = cs_xmalloc(INBUF_SIZE);
	r->line = 1;
	cs_arena_init(&r->arena);
	parser_init(r);
	/* Read until the header row is taken (blank lines before it are
	 * skipped); data rows parsed with it stay pending for cs_reader_next. */
	while (!r->have_header) {
		while (r->rowpos < r->nrows && !r->have_header) {
			const struct pending *pr = &r->rows[r->rowpos++];
			if (!all_empty(r, pr))
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
	bool *want = cs_arena_alloc(&r->arena, (r->header.n + 1) * sizeof *want);

	memset(want, 0, (r->header.n + 1) * sizeof *want);
	for (size_t i = 0; i < n; i++)
		if (cols[i] >= 0 && (size_t)cols[i] < r->header.n)
			want[cols[i]] = true;
	r->want = want;
	r->nwant = r->header.n;
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
		if (r->row_first > 0) {
			memmove(r->off, r->off + r->row_first, keep * sizeof *r->off);
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

/* The current record as read (after decoding to UTF-8), line end included. */
void
cs_reader_raw(const struct cs_reader *r, const char **s, size_t *n)
{
	*s = r->raw.data != NULL ? r->raw.data : "";
	*n = r->raw.len;
}

/* Reject the current record: see cs_reject. */
void
cs_reader_reject(struct cs_reader *r, const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	cs_reject(cs_source_name(r->src), r->cur_line,
	    r->raw.data != NULL ? r->raw.data : "", r->raw.len, "%s", reason);
}

/* Close the input; warn if bytes had to be replaced while decoding. */
void
cs_reader_close(struct cs_reader *r)
{
	if (r == NULL)
		return;
	unsigned long bad = cs_source_replaced(r->src);
	if (bad > 0)
		cs_warn(_("%s: %lu invalid byte sequences replaced by U+FFFD (is --encoding right?)"),
		    cs_source_name(r->src), bad);
	bad = cs_source_invalid_utf8(r->src);
	if (bad > 0)
		cs_warn(_("%s: %lu invalid UTF-8 sequences (if the file is GBK, use --encoding gb18030)"),
		    cs_source_name(r->src), bad);
	csv_free(&r->p);
	cs_source_close(r->src);
	cs_buf_free(&r->bytes);
	cs_buf_free(&r->raw);
	cs_buf_free(&r->fixed);
	cs_arena_free(&r->arena);
	free(r->off);
	free(r->flen);
	free(r->rows);
	free(r->vals);
	free(r->lens);
	free(r->in);
	free(r);
}
