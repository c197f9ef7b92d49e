/*
 * Input bytes: a file or standard input, decompressed when it is gzip (by
 * its magic bytes, whatever its name), decoded to UTF-8.
 *
 * The encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE, GB18030)
 * and is dropped. Without one, CS_ENC_AUTO reads UTF-8 if the first 64 KiB
 * are valid UTF-8, else GB18030 (a superset of GBK and GB2312, what Taobao
 * and JD exports are written in). GB18030 and UTF-16 are transcoded as a
 * stream: a character split between two reads is carried over, a byte that
 * is not a character becomes U+FFFD and is counted. UTF-8 input is passed
 * through byte for byte, valid or not, unchecked: the CSV reader checks the
 * values a tool uses, so that a GBK file whose first 64 KiB are ASCII does
 * not go unnoticed.
 *
 * A read error or a truncated gzip stream is reported by cs_source_read
 * returning -1 (cs_source_error says why), never as a short clean end.
 */
#ifndef CS_SOURCE_H
#define CS_SOURCE_H

#include <stddef.h>
#include <sys/types.h>

enum cs_encoding {
	CS_ENC_AUTO,
	CS_ENC_UTF8,
	CS_ENC_GB18030,
	CS_ENC_UTF16LE,
	CS_ENC_UTF16BE
};

struct cs_source;

struct cs_source *cs_source_open(const char *, enum cs_encoding);
ssize_t		 cs_source_read(struct cs_source *, char *, size_t);
const char	*cs_source_error(const struct cs_source *);
const char	*cs_source_name(const struct cs_source *);
enum cs_encoding cs_source_encoding(const struct cs_source *);
unsigned long	 cs_source_replaced(const struct cs_source *);
int		 cs_source_gzip(const struct cs_source *);
int		 cs_source_keep_gb18030(struct cs_source *);
void		 cs_source_close(struct cs_source *);
int		 cs_encoding_parse(const char *, enum cs_encoding *);
int		 cs_utf8_valid_prefix(const unsigned char *, size_t, int);
size_t		 cs_utf8_char(const unsigned char *, size_t, int *);

#endif
