/*
 * Output sinks. Each sink owns a 64 KiB buffer; a full buffer goes out in
 * one write(2) (or gzwrite), so the tools never see a partial write.
 * Temporary files are tracked in a small table that the fatal path and the
 * signal handler walk to unlink them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "i18n.h"
#include "sink.h"
#include "xmalloc.h"

#define SINK_BUFSIZE	(64 * 1024)
#define MAX_TEMPS	8

struct cs_sink {
	char		*path;		/* as given, or "-" for stdout */
	char		*tmp;		/* temporary file, NULL if none */
	int		 fd;
	gzFile		 gz;		/* non-NULL for .gz output */
	char		*buf;
	size_t		 len;
	int		 slot;		/* index in temps[], or -1 */
};

/* Temporary paths to remove on a fatal exit or a signal. Plain char
 * pointers, written before the handler can see them, read by the handler
 * with nothing but unlink(2), which is async-signal-safe. */
static char *volatile	 temps[MAX_TEMPS];
static bool		 handlers_set;
static int		 saved_errno;

static void
unlink_temps(void)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (temps[i] != NULL)
			unlink(temps[i]);
}

static void
on_signal(int sig)
{
	unlink_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
set_handlers(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	if (handlers_set)
		return;
	handlers_set = true;
	cs_diag_on_fatal(unlink_temps);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		/* Leave a signal ignored by the caller (nohup) ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

static bool
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Open a temporary file beside path, with the mode a new file would get. */
static int
open_temp(struct cs_sink *s)
{
	const char *slash = strrchr(s->path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - s->path) + 1 : 0;
	const char *base = s->path + dirlen;
	mode_t mask;
	int fd;

	s->tmp = cs_xmalloc(strlen(s->path) + 10);
	snprintf(s->tmp, strlen(s->path) + 10, "%.*s.%s.XXXXXX", (int)dirlen,
	    s->path, base);
	for (s->slot = 0; s->slot < MAX_TEMPS && temps[s->slot] != NULL; s->slot++)
		continue;
	if (s->slot == MAX_TEMPS)
		cs_die(_("too many output files"));
	set_handlers();
	/* Block the signals while the name is created and registered, so that
	 * an interrupt cannot leave an unregistered temporary file behind. */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkstemp(s->tmp);
	if (fd >= 0)
		temps[s->slot] = s->tmp;
	saved_errno = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0)
		return -1;
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		saved_errno = errno;
		close(fd);
		unlink(s->tmp);
		temps[s->slot] = NULL;
		return -1;
	}
	return fd;
}

/*
 * Open output to path: NULL or "-" is standard output; a path that names
 * something other than a regular file (/dev/null, a FIFO) is written in
 * place; anything else through a temporary file. Failure is fatal.
 */
struct cs_sink *
cs_sink_open(const char *path)
{
	struct cs_sink *s = cs_xcalloc(1, sizeof *s);
	struct stat st;

	s->slot = -1;
	s->buf = cs_xmalloc(SINK_BUFSIZE);
	if (path == NULL || strcmp(path, "-") == 0) {
		s->path = cs_xstrdup("-");
		s->fd = STDOUT_FILENO;
		return s;
	}
	s->path = cs_xstrdup(path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		s->fd = open(path, O_WRONLY | O_CLOEXEC);
		saved_errno = errno;
	} else
		s->fd = open_temp(s);
	if (s->fd < 0)
		cs_die(_("cannot create %s: %s"), path, strerror(saved_errno));
	if (has_suffix(path, ".gz")) {
		int fd2 = dup(s->fd);
		if (fd2 < 0 || (s->gz = gzdopen(fd2, "wb6")) == NULL)
			cs_die(_("cannot create %s: %s"), path, strerror(errno));
	}
	return s;
}

static void
write_all(struct cs_sink *s, const char *p, size_t n)
{
	if (s->gz != NULL) {
		while (n > 0) {
			unsigned chunk = n > (1u << 30) ? 1u << 30 : (unsigned)n;
			int w = gzwrite(s->gz, p, chunk);
			if (w <= 0) {
				int err;
				const char *msg = gzerror(s->gz, &err);
				cs_die(_("%s: write error: %s"), s->path,
				    err == Z_ERRNO ? strerror(errno) : msg);
			}
			p += w;
			n -= (size_t)w;
		}
		return;
	}
	while (n > 0) {
		ssize_t w = write(s->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (s->fd == STDOUT_FILENO)
				cs_die(_("write error: %s"), strerror(errno));
			cs_die(_("%s: write error: %s"), s->path, strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
}

static void
flush(struct cs_sink *s)
{
	if (s->len > 0)
		write_all(s, s->buf, s->len);
	s->len = 0;
}

/* Append n bytes to the sink. */
void
cs_sink_write(struct cs_sink *s, const void *p, size_t n)
{
	if (n >= SINK_BUFSIZE) {
		flush(s);
		write_all(s, p, n);
		return;
	}
	if (s->len + n > SINK_BUFSIZE)
		flush(s);
	memcpy(s->buf + s->len, p, n);
	s->len += n;
}

static void
release(struct cs_sink *s)
{
	if (s->slot >= 0)
		temps[s->slot] = NULL;
	free(s->tmp);
	free(s->path);
	free(s->buf);
	free(s);
}

/*
 * Finish the output: flush, close the gzip stream, fsync and rename the
 * temporary file into place. Returns 0, or -1 with the temporary file
 * removed and cs_sink_strerror() saying why. The sink is freed either way.
 */
int
cs_sink_commit(struct cs_sink *s)
{
	int rc = 0;

	flush(s);
	if (s->gz != NULL) {
		int err = gzclose_w(s->gz);
		s->gz = NULL;
		if (err != Z_OK) {
			saved_errno = err == Z_ERRNO ? errno : EIO;
			rc = -1;
		}
	}
	if (s->tmp != NULL) {
		if (rc == 0 && fsync(s->fd) != 0) {
			saved_errno = errno;
			rc = -1;
		}
		if (close(s->fd) != 0 && rc == 0) {
			saved_errno = errno;
			rc = -1;
		}
		if (rc == 0 && rename(s->tmp, s->path) != 0) {
			saved_errno = errno;
			rc = -1;
		}
		if (rc != 0)
			unlink(s->tmp);
	} else if (s->fd != STDOUT_FILENO) {
		if (close(s->fd) != 0 && rc == 0) {
			saved_errno = errno;
			rc = -1;
		}
	}
	release(s);
	return rc;
}

/* Give up the output: the temporary file is removed, the target untouched. */
void
cs_sink_abort(struct cs_sink *s)
{
	if (s->gz != NULL)
		gzclose_w(s->gz);
	if (s->tmp != NULL) {
		close(s->fd);
		unlink(s->tmp);
	} else if (s->fd != STDOUT_FILENO)
		close(s->fd);
	release(s);
}

/* The name given at open ("-" for standard output). */
const char *
cs_sink_name(const struct cs_sink *s)
{
	return s->path;
}

/* Why the last open or commit failed. */
const char *
cs_sink_strerror(void)
{
	return strerror(saved_errno);
}
