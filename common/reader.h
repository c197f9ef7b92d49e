/*
 * The CSV reader: records from a source, with their line numbers.
 *
 * cs_reader_open opens a file (or "-" for standard input) through
 * cs_source, so gzip and encodings are handled below it, and reads the
 * header row. cs_reader_next returns the data rows one at a time.
 *
 * What it does to the bytes:
 *   - RFC 4180 quoting through libcsv in strict mode: commas, quotes and
 *     newlines inside quoted fields; CRLF or LF line ends.
 *   - Export noise cleaned from every field: spaces and tabs at either end,
 *     the Excel formula wrapper ="..." (bare or quoted), and a leading '
 *     before a digit or '+'.
 *   - Blank lines and rows of empty fields are skipped, and so is a row
 *     that repeats the header (files joined with cat).
 *   - A malformed record (a stray quote, a field over 64 MiB, a quote left
 *     open at the end) or a row with a number of fields other than the
 *     header's is rejected through cs_reject, as read, and reading goes on
 *     at the next line. Extra fields that are all empty (trailing commas)
 *     are not an error.
 *   - A read error or a truncated gzip input is fatal (exit 1).
 *   - Values that are not valid UTF-8 (a GBK file taken for UTF-8 because
 *     its first 64 KiB are ASCII) are kept as they are and counted; only
 *     the values kept are checked (see cs_reader_want_columns).
 *     cs_reader_close warns of the count.
 *   - GB18030 input with a delimiter below 0x40 is split as read and only
 *     the values kept are decoded (a second byte of a GBK character is
 *     never below 0x40); bytes replaced by U+FFFD are counted there. The
 *     raw record is decoded when asked for.
 *
 * Memory: the row returned by cs_reader_next, its values and the raw text
 * stay valid until the next call to cs_reader_next or cs_reader_close. The
 * header stays valid until cs_reader_close. Buffers are reused, so reading
 * allocates only when a row is longer than every row before it.
 */
#ifndef CS_READER_H
#define CS_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "source.h"

struct cs_row {
	size_t		 n;	/* number of fields */
	const char	**v;	/* values, NUL-terminated, cleaned */
	size_t		*len;	/* their lengths (a value may hold a NUL) */
	long		 line;	/* physical line where the record starts */
};

struct cs_reader_opts {
	enum cs_encoding encoding;
	unsigned char	 delim;		/* 0 means ',' */
};

struct cs_reader;

struct cs_reader *cs_reader_open(const char *, const struct cs_reader_opts *);
const struct cs_row *cs_reader_header(const struct cs_reader *);
void		 cs_reader_want_columns(struct cs_reader *, const int *, size_t);
const struct cs_row *cs_reader_next(struct cs_reader *);
const char	*cs_reader_name(const struct cs_reader *);
void		 cs_reader_raw(struct cs_reader *, const char **, size_t *);
void		 cs_reader_reject(struct cs_reader *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 cs_reader_close(struct cs_reader *);

size_t		 cs_clean_field(const char *, size_t, size_t *);

/* The value in column col, "" when col is unbound (-1) or past the row. */
static inline const char *
cs_row_get(const struct cs_row *row, int col, size_t *len)
{
	if (col < 0 || (size_t)col >= row->n) {
		*len = 0;
		return "";
	}
	*len = row->len[col];
	return row->v[col];
}

#endif
