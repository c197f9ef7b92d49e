/*
 * Where output bytes go: standard output, or a file written atomically.
 *
 * cs_sink_open("report.csv") writes a temporary file in the same folder
 * (".report.csv.XXXXXX"); cs_sink_commit flushes it, fsyncs it and renames
 * it over report.csv, so a reader sees the old report or the new one,
 * never half of one. A name ending in ".gz" is gzip-compressed. Until the
 * commit, any fatal exit or SIGINT/SIGTERM/SIGHUP removes the temporary
 * file. A write error is fatal at once ("write error: ..."), which covers
 * a full disk and "> /dev/full". Bytes are buffered 64 KiB at a time.
 */
#ifndef CS_SINK_H
#define CS_SINK_H

#include <stddef.h>

struct cs_sink;

struct cs_sink	*cs_sink_open(const char *);
void		 cs_sink_write(struct cs_sink *, const void *, size_t);
int		 cs_sink_commit(struct cs_sink *);
void		 cs_sink_abort(struct cs_sink *);
const char	*cs_sink_name(const struct cs_sink *);
const char	*cs_sink_strerror(void);

#endif
