/*
 * Tables out: csv, tsv or aligned text, onto a sink.
 *
 *   csv   RFC 4180 with '\n' line ends; a field is quoted only when it
 *         holds a comma, a quote, CR or LF, or starts or ends with a space
 *   tsv   fields between tabs; tab, newline, CR and backslash written as
 *         \t \n \r \\ (the escapes Miller and most TSV readers know)
 *   text  aligned columns for a person: widths count a CJK character as
 *         two columns; columns whose values are all numbers (or
 *         percentages) are right-aligned. The table is held in memory and
 *         written at cs_writer_close.
 *
 * The header is always written, so an empty result is still a valid file.
 * With bom, the output starts with a UTF-8 byte-order mark (Excel then reads
 * Chinese text correctly).
 */
#ifndef CS_WRITER_H
#define CS_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "sink.h"

enum cs_format {
	CS_FORMAT_CSV,
	CS_FORMAT_TSV,
	CS_FORMAT_TEXT
};

struct cs_writer;

struct cs_writer *cs_writer_new(struct cs_sink *, enum cs_format, bool);
void	 cs_writer_header(struct cs_writer *, const char *const *, size_t);
void	 cs_writer_field(struct cs_writer *, const char *, size_t);
void	 cs_writer_str(struct cs_writer *, const char *);
void	 cs_writer_end(struct cs_writer *);
void	 cs_writer_rule(struct cs_writer *);
enum cs_format cs_writer_format(const struct cs_writer *);
struct cs_sink *cs_writer_sink(struct cs_writer *);
void	 cs_writer_close(struct cs_writer *);

int	 cs_format_parse(const char *, enum cs_format *);
void	 cs_csv_quote(struct cs_buf *, const char *, size_t, char);
bool	 cs_looks_numeric(const char *, size_t);

#endif
