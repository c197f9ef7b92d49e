/*
 * Table writer. csv and tsv stream straight into the sink through one
 * reused line buffer; text keeps every cell in an arena until close,
 * because a column's width is known only after its last row.
 */
#include "config.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "width.h"
#include "writer.h"
#include "xmalloc.h"

struct cell {
	const char	*s;
	size_t		 n;
};

struct text_row {
	struct cell	*cells;
	size_t		 n;
	bool		 rule;		/* a rule line before this row */
};

struct cs_writer {
	struct cs_sink	*sink;
	enum cs_format	 format;
	struct cs_buf	 line;		/* csv/tsv: the row being written */
	size_t		 col;		/* fields so far in this row */
	size_t		 ncols;

	/* text */
	struct cs_arena	 arena;
	struct text_row	*rows;		/* rows[0] is the header */
	size_t		 nrows, caprows;
	struct cell	*cur;		/* cells of the row being built */
	size_t		 capcur;
	bool		 rule_next;
};

/* Parse a --format value; 0 on success. */
int
cs_format_parse(const char *s, enum cs_format *f)
{
	if (strcmp(s, "csv") == 0)
		*f = CS_FORMAT_CSV;
	else if (strcmp(s, "tsv") == 0)
		*f = CS_FORMAT_TSV;
	else if (strcmp(s, "text") == 0)
		*f = CS_FORMAT_TEXT;
	else
		return -1;
	return 0;
}

/* Some byte of x is below k (k <= 128): the classic bit trick, exact for
 * "any byte"; a byte of 0x80 or more never counts. */
#define ONES		0x0101010101010101ULL
#define ANY_BELOW(x, k)	(((x) - ONES * (k)) & ~(x) & (ONES << 7))
#define ANY_ZERO(x)	ANY_BELOW(x, 1)

/*
 * Whether s holds the delimiter, a quote or a line end. Eight bytes at a
 * time: every field of every row goes through here. A word whose bytes
 * are all above the delimiter, '"' and the line ends (Chinese text, digits,
 * letters) is passed on one test.
 */
static bool
needs_quote(const char *s, size_t n, char delim)
{
	const uint64_t dq = ONES * '"', dl = ONES * (unsigned char)delim,
	    lf = ONES * '\n', cr = ONES * '\r';
	unsigned char low = (unsigned char)delim > '"' ?
	    (unsigned char)delim + 1 : '"' + 1;
	size_t i = 0;

	if (low > 128)		/* a delimiter the screen cannot pass */
		low = 128;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (ANY_BELOW(w, low) && (ANY_ZERO(w ^ dq) | ANY_ZERO(w ^ dl) |
		    ANY_ZERO(w ^ lf) | ANY_ZERO(w ^ cr)))
			break;
	}
	for (; i < n; i++) {
		char c = s[i];
		if (c == delim || c == '"' || c == '\n' || c == '\r')
			return true;
	}
	return false;
}

/* Whether s must be quoted as a CSV field: it holds the delimiter, a
 * quote or a line end, or starts or ends with a space. */
static bool
must_quote(const char *s, size_t n, char delim)
{
	return n > 0 && (s[0] == ' ' || s[n - 1] == ' ' ||
	    needs_quote(s, n, delim));
}

/* Append s as one CSV field to b, quoted only if it must be. */
void
cs_csv_quote(struct cs_buf *b, const char *s, size_t n, char delim)
{
	if (!must_quote(s, n, delim)) {
		cs_buf_add(b, s, n);
		return;
	}
	cs_buf_addc(b, '"');
	for (;;) {
		const char *q = memchr(s, '"', n);
		if (q == NULL)
			break;
		size_t k = (size_t)(q - s) + 1;
		cs_buf_add(b, s, k);
		cs_buf_addc(b, '"');
		s += k;
		n -= k;
	}
	cs_buf_add(b, s, n);
	cs_buf_addc(b, '"');
}

static void
tsv_escape(struct cs_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t':
			cs_buf_add(b, "\\t", 2);
			break;
		case '\n':
			cs_buf_add(b, "\\n", 2);
			break;
		case '\r':
			cs_buf_add(b, "\\r", 2);
			break;
		case '\\':
			cs_buf_add(b, "\\\\", 2);
			break;
		default:
			cs_buf_addc(b, s[i]);
		}
	}
}

/*
 * Whether a text cell reads as a number: an optional sign, digits with
 * commas or one '.', and an optional '%'.
 */
bool
cs_looks_numeric(const char *s, size_t n)
{
	size_t i = 0, nd = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			nd++;
		else if (s[i] == '%' && i == n - 1)
			break;
		else if (s[i] != '.' && s[i] != ',')
			return false;
	}
	return nd > 0;
}

/* A writer of format onto sink; the sink stays the caller's. */
struct cs_writer *
cs_writer_new(struct cs_sink *sink, enum cs_format format, bool bom)
{
	struct cs_writer *w = cs_xcalloc(1, sizeof *w);

	w->sink = sink;
	w->format = format;
	cs_arena_init(&w->arena);
	if (bom)
		cs_sink_write(sink, "\xEF\xBB\xBF", 3);
	return w;
}

/* Write the header row. */
void
cs_writer_header(struct cs_writer *w, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cs_writer_str(w, names[i]);
	cs_writer_end(w);
	w->ncols = n;
}

/* Add a field to the current row. */
void
cs_writer_field(struct cs_writer *w, const char *s, size_t n)
{
	if (w->format == CS_FORMAT_TEXT) {
		if (w->col == w->capcur) {
			w->capcur = w->capcur ? w->capcur * 2 : 16;
			w->cur = cs_xreallocarray(w->cur, w->capcur, sizeof *w->cur);
		}
		w->cur[w->col].s = cs_arena_strndup(&w->arena, s, n);
		w->cur[w->col].n = n;
		w->col++;
		return;
	}
	struct cs_buf *b = &w->line;
	if (w->format == CS_FORMAT_CSV && b->len + n + 2 <= b->cap &&
	    !must_quote(s, n, ',')) {
		/* Most fields: the comma and the value as they are, in room
		 * the line already has (its NUL included). */
		char *d = b->data + b->len;
		if (w->col > 0)
			*d++ = ',';
		memcpy(d, s, n);
		d[n] = '\0';
		b->len = (size_t)(d + n - b->data);
		w->col++;
		return;
	}
	if (w->col > 0)
		cs_buf_addc(b, w->format == CS_FORMAT_CSV ? ',' : '\t');
	if (w->format == CS_FORMAT_CSV)
		cs_csv_quote(b, s, n, ',');
	else
		tsv_escape(b, s, n);
	w->col++;
}

/* Add a NUL-terminated field to the current row. */
void
cs_writer_str(struct cs_writer *w, const char *s)
{
	cs_writer_field(w, s, strlen(s));
}

/* End the current row. */
void
cs_writer_end(struct cs_writer *w)
{
	if (w->format == CS_FORMAT_TEXT) {
		if (w->nrows == w->caprows) {
			w->caprows = w->caprows ? w->caprows * 2 : 64;
			w->rows = cs_xreallocarray(w->rows, w->caprows,
			    sizeof *w->rows);
		}
		struct text_row *r = &w->rows[w->nrows++];
		r->cells = cs_arena_alloc(&w->arena, (w->col + 1) * sizeof *r->cells);
		memcpy(r->cells, w->cur, w->col * sizeof *r->cells);
		r->n = w->col;
		r->rule = w->rule_next;
		w->rule_next = false;
		w->col = 0;
		return;
	}
	cs_buf_addc(&w->line, '\n');
	cs_sink_write(w->sink, w->line.data, w->line.len);
	cs_buf_reset(&w->line);
	w->col = 0;
}

/* In text, draw a rule before the next row (a total); nothing in csv/tsv. */
void
cs_writer_rule(struct cs_writer *w)
{
	w->rule_next = true;
}

/* The writer's format. */
enum cs_format
cs_writer_format(const struct cs_writer *w)
{
	return w->format;
}

/* The sink under the writer, for a tool's own text around a table. */
struct cs_sink *
cs_writer_sink(struct cs_writer *w)
{
	return w->sink;
}

static void
pad(struct cs_buf *b, size_t n)
{
	while (n-- > 0)
		cs_buf_addc(b, ' ');
}

static void
render_text(struct cs_writer *w)
{
	size_t ncols = 0;
	struct cs_buf line = CS_BUF_INIT;

	for (size_t r = 0; r < w->nrows; r++)
		if (w->rows[r].n > ncols)
			ncols = w->rows[r].n;
	size_t *width = cs_xcalloc(ncols + 1, sizeof *width);
	bool *right = cs_xcalloc(ncols + 1, sizeof *right);
	for (size_t c = 0; c < ncols; c++) {
		bool numeric = false, other = false;
		for (size_t r = 0; r < w->nrows; r++) {
			if (c >= w->rows[r].n)
				continue;
			const struct cell *cell = &w->rows[r].cells[c];
			size_t cw = cs_width(cell->s, cell->n);
			if (cw > width[c])
				width[c] = cw;
			if (r == 0 || cell->n == 0 ||
			    (cell->n == 1 && cell->s[0] == '-'))
				continue;
			if (cs_looks_numeric(cell->s, cell->n))
				numeric = true;
			else
				other = true;
		}
		right[c] = numeric && !other;
	}
	size_t total = 0;
	for (size_t c = 0; c < ncols; c++)
		total += width[c] + (c > 0 ? 2 : 0);
	for (size_t r = 0; r < w->nrows; r++) {
		const struct text_row *row = &w->rows[r];
		cs_buf_reset(&line);
		if (row->rule) {
			for (size_t i = 0; i < total; i++)
				cs_buf_addc(&line, '-');
			cs_buf_addc(&line, '\n');
		}
		size_t owed = 0;	/* padding not yet written */
		for (size_t c = 0; c < row->n; c++) {
			const struct cell *cell = &row->cells[c];
			size_t cw = cs_width(cell->s, cell->n);
			if (c > 0)
				owed += 2;
			if (right[c]) {
				pad(&line, owed + width[c] - cw);
				owed = 0;
				cs_buf_add(&line, cell->s, cell->n);
			} else {
				pad(&line, owed);
				cs_buf_add(&line, cell->s, cell->n);
				owed = width[c] - cw;
			}
		}
		/* No spaces at the end of a line (a right-aligned empty cell). */
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.len--;
		cs_buf_addc(&line, '\n');
		cs_sink_write(w->sink, line.data, line.len);
		if (r == 0) {
			cs_buf_reset(&line);
			for (size_t i = 0; i < total; i++)
				cs_buf_addc(&line, '-');
			cs_buf_addc(&line, '\n');
			cs_sink_write(w->sink, line.data, line.len);
		}
	}
	cs_buf_free(&line);
	free(width);
	free(right);
}

/* Finish the table (text is written now) and free the writer. */
void
cs_writer_close(struct cs_writer *w)
{
	if (w->format == CS_FORMAT_TEXT)
		render_text(w);
	cs_buf_free(&w->line);
	cs_arena_free(&w->arena);
	free(w->rows);
	free(w->cur);
	free(w);
}
