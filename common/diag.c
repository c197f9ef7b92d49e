/*
 * Diagnostics: program name, warnings, fatal errors, rejected rows and the
 * exit status. State is global because there is one program, one stderr
 * and one exit status; nothing here allocates on the per-row path except
 * the rejects sink's buffer, once.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "sink.h"
#include "width.h"
#include "writer.h"

#define MAX_CLEANUPS	8

static const char	*progname = "cs-tools";
static bool		 quiet;
static bool		 strict;
static void		(*cleanups[MAX_CLEANUPS])(void);
static int		 ncleanups;
static int		 dying;

static unsigned long	 nrejects;
static struct cs_sink	*rejects_sink;
static const char	*rejects_path;
static struct cs_buf	 rejects_line = CS_BUF_INIT;

/* Name the program for messages, set the locale for text only, and make
 * sure a closed pipe downstream ends the program quietly. */
void
cs_diag_init(const char *name)
{
	const char *slash = strrchr(name, '/');

	progname = slash != NULL ? slash + 1 : name;
	/* LC_CTYPE and LC_MESSAGES only: numbers are read and written the same
	 * way in every locale (a decimal comma would break every report). */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#ifdef HAVE_LIBINTL_H
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	signal(SIGPIPE, SIG_DFL);
}

/* The program's name as messages show it. */
const char *
cs_diag_progname(void)
{
	return progname;
}

/* Silence warnings (-q); errors still show. */
void
cs_diag_set_quiet(bool q)
{
	quiet = q;
}

/* Make the first rejected row fatal (--strict). */
void
cs_diag_set_strict(bool s)
{
	strict = s;
}

/* Whether warnings are silenced. */
bool
cs_diag_quiet(void)
{
	return quiet;
}

/* Register fn to run before a fatal exit (removing partial outputs). */
void
cs_diag_on_fatal(void (*fn)(void))
{
	if (ncleanups < MAX_CLEANUPS)
		cleanups[ncleanups++] = fn;
}

static void
vmessage(const char *file, long line, const char *fmt, va_list ap)
{
	/* One fprintf per part but stderr is unbuffered: build the line first
	 * so that parallel tools in a pipeline do not interleave mid-line. */
	char msg[4096];
	int n;

	if (file != NULL && line > 0)
		n = snprintf(msg, sizeof msg, "%s: %s:%ld: ", progname, file, line);
	else if (file != NULL)
		n = snprintf(msg, sizeof msg, "%s: %s: ", progname, file);
	else
		n = snprintf(msg, sizeof msg, "%s: ", progname);
	if (n < 0 || (size_t)n >= sizeof msg)
		n = 0;
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	fprintf(stderr, "%s\n", msg);
}

/* Print a warning unless -q. */
void
cs_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
}

/* Print a warning about file:line unless -q. */
void
cs_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

/* Exit with status after the fatal cleanups (used by every fatal path). */
void
cs_exit(int status)
{
	if (!dying) {
		dying = 1;
		/* The rejects file is kept even on failure (under --strict it
		 * holds the row that stopped the run): commit it before the
		 * cleanups remove every temporary file still open. */
		if (rejects_sink != NULL) {
			struct cs_sink *s = rejects_sink;
			rejects_sink = NULL;
			cs_sink_commit(s);
		}
		for (int i = ncleanups - 1; i >= 0; i--)
			cleanups[i]();
	}
	fflush(stdout);
	exit(status);
}

/* Print an error and exit 1. */
void
cs_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	cs_exit(CS_EXIT_FAIL);
}

/* Print an error about file:line and exit 1. */
void
cs_die_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
	cs_exit(CS_EXIT_FAIL);
}

/* Print a usage error and the hint to --help, and exit 2. */
void
cs_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
	cs_exit(CS_EXIT_USAGE);
}

static void write_reject(const char *, long, const char *, size_t,
    const char *);

/* Open the --rejects file (written atomically, kept on failure too). */
void
cs_rejects_open(const char *path)
{
	static const char *const header[] = { "file", "line", "reason", "record" };

	rejects_sink = cs_sink_open(path);
	rejects_path = path;
	cs_buf_reset(&rejects_line);
	for (size_t i = 0; i < 4; i++) {
		if (i > 0)
			cs_buf_addc(&rejects_line, ',');
		cs_buf_adds(&rejects_line, header[i]);
	}
	cs_buf_addc(&rejects_line, '\n');
	cs_sink_write(rejects_sink, rejects_line.data, rejects_line.len);
}

/*
 * Reject one row: file and line say where it started, raw is the record as
 * read (its final line end is dropped). The reason is printed on stderr for
 * the first rows and written with the record to the rejects file.
 */
void
cs_reject(const char *file, long line, const char *raw, size_t rawlen,
    const char *fmt, ...)
{
	char reason[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);

	nrejects++;
	if (!strict && !quiet && nrejects <= CS_REJECTS_SHOWN)
		cs_warn_at(file, line, "%s", reason);
	if (rejects_sink != NULL)
		write_reject(file, line, raw, rawlen, reason);
	if (strict)
		cs_die_at(file, line, "%s", reason);
}

/* One line of the rejects file: file, line, reason, the record as read. */
static void
write_reject(const char *file, long line, const char *raw, size_t rawlen,
    const char *reason)
{
	while (rawlen > 0 && (raw[rawlen - 1] == '\n' || raw[rawlen - 1] == '\r'))
		rawlen--;
	char num[32];
	int n = snprintf(num, sizeof num, "%ld", line);
	cs_buf_reset(&rejects_line);
	cs_csv_quote(&rejects_line, file, strlen(file), ',');
	cs_buf_addc(&rejects_line, ',');
	cs_buf_add(&rejects_line, num, (size_t)n);
	cs_buf_addc(&rejects_line, ',');
	cs_csv_quote(&rejects_line, reason, strlen(reason), ',');
	cs_buf_addc(&rejects_line, ',');
	cs_csv_quote(&rejects_line, raw, rawlen, ',');
	cs_buf_addc(&rejects_line, '\n');
	cs_sink_write(rejects_sink, rejects_line.data, rejects_line.len);
}

/* How many rows were rejected so far. */
unsigned long
cs_rejects_count(void)
{
	return nrejects;
}

/*
 * End of run: summarise the rejected rows, commit the rejects file, and
 * return the exit status (0, or 3 when rows were rejected).
 */
int
cs_diag_finish(void)
{
	if (nrejects > CS_REJECTS_SHOWN && !quiet)
		cs_warn_at(NULL, 0, _("%lu rows rejected, %lu of them not shown"),
		    nrejects, nrejects - CS_REJECTS_SHOWN);
	else if (nrejects > 0) {
		/* The count shows even under -q: it explains exit status 3. */
		bool q = quiet;
		quiet = false;
		if (nrejects == 1)
			cs_warn(_("1 row rejected"));
		else
			cs_warn(_("%lu rows rejected"), nrejects);
		quiet = q;
	}
	if (rejects_sink != NULL) {
		struct cs_sink *s = rejects_sink;
		rejects_sink = NULL;
		if (cs_sink_commit(s) != 0)
			cs_die(_("%s: cannot write: %s"), rejects_path,
			    cs_sink_strerror());
	}
	cs_buf_free(&rejects_line);
	return nrejects > 0 ? CS_EXIT_REJECTS : CS_EXIT_OK;
}

/*
 * Quote user data for a message: in double quotes, non-printable bytes,
 * bytes that are not UTF-8 and quotes escaped, cut at 80 bytes (on a UTF-8 boundary) with "...". The
 * result lives in one of four rotating buffers, so a message may quote up
 * to four values.
 */
const char *
cs_quote(const char *s, size_t n)
{
	static char bufs[4][400];
	static int which;
	char *out = bufs[which++ & 3];
	size_t o = 0, i;

	out[o++] = '"';
	for (i = 0; i < n && o < 360;) {
		unsigned char c = (unsigned char)s[i];
		if (i >= 80 && (c & 0xC0) != 0x80)
			break;
		if (c >= 0x80) {
			/* Valid UTF-8 as is; a stray byte as \xNN, so that a
			 * misread GBK file does not print mojibake. */
			uint32_t cp;
			size_t len = cs_utf8_decode(s + i, n - i, &cp);
			if (cp == 0xFFFD && len == 1)
				o += (size_t)snprintf(out + o, 8, "\\x%02x", c);
			else {
				memcpy(out + o, s + i, len);
				o += len;
			}
			i += len;
			continue;
		}
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c == '\n') {
			out[o++] = '\\';
			out[o++] = 'n';
		} else if (c == '\r') {
			out[o++] = '\\';
			out[o++] = 'r';
		} else if (c == '\t') {
			out[o++] = '\\';
			out[o++] = 't';
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(out + o, 8, "\\x%02x", c);
		} else
			out[o++] = (char)c;
		i++;
	}
	if (i < n) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}
