/*
 * Shared main() for the Check suites: runs the suite (each test forked, so
 * a crash is a failure, not the end of the run) and prints one line,
 * "NAME: N passed, M failed", which t/run adds up.
 */
#ifndef CS_CK_H
#define CS_CK_H

#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

#define CS_CHECK_MAIN(name, make_suite)					\
int									\
main(void)								\
{									\
	SRunner *sr = srunner_create(make_suite());			\
	int run, failed;						\
									\
	cs_diag_init(name);						\
	srunner_run_all(sr, CK_NORMAL);					\
	run = srunner_ntests_run(sr);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	printf("%s: %d passed, %d failed\n", name, run - failed, failed); \
	return failed == 0 && run > 0 ? 0 : 1;				\
}

/* A temporary file holding n bytes of data; the caller unlinks it. */
static inline char *
ck_temp_file(const char *data, size_t n)
{
	static char path[64];
	int fd;
	FILE *f;

	snprintf(path, sizeof path, "/tmp/cs-unit-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/*
 * Helpers for the suites below. Each test runs in a child process of its
 * own (Check's fork mode), so a test may redirect descriptors, change the
 * umask or call a function that exits, without touching the others.
 */

/* The whole content of path, NUL-terminated (the length in *n when n is
 * not NULL), or NULL when it cannot be read. The caller frees it. */
static inline char *
ck_read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			data = realloc(data, cap);
			ck_assert_ptr_nonnull(data);
		}
		got = fread(data + len, 1, cap - len - 1, f);
		len += got;
	} while (got > 0);
	fclose(f);
	data[len] = '\0';
	if (n != NULL)
		*n = len;
	return data;
}

/* A fresh empty folder; the caller removes it with ck_rm_dir. */
static inline char *
ck_temp_dir(void)
{
	static char path[64];

	snprintf(path, sizeof path, "/tmp/cs-unit-dir-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(path));
	return path;
}

/* Remove a folder made by ck_temp_dir and the files in it. */
static inline void
ck_rm_dir(const char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* How many entries of dir (other than . and ..) start with prefix. */
static inline int
ck_count_entries(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	}
	closedir(d);
	return n;
}

/*
 * Run fn(arg) in a child process with its standard output and error
 * captured. Returns the child's exit status (0 when fn returns), or 128
 * plus the signal that ended it. *out and *err, when not NULL, receive what
 * it printed (the caller frees them).
 */
static inline int
ck_run(void (*fn)(void *), void *arg, char **out, char **err)
{
	char opath[64], epath[64];
	int ofd, efd, status;
	pid_t pid;

	snprintf(opath, sizeof opath, "/tmp/cs-unit-out-XXXXXX");
	snprintf(epath, sizeof epath, "/tmp/cs-unit-err-XXXXXX");
	ofd = mkstemp(opath);
	efd = mkstemp(epath);
	ck_assert_int_ge(ofd, 0);
	ck_assert_int_ge(efd, 0);
	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(ofd, STDOUT_FILENO);
		dup2(efd, STDERR_FILENO);
		fn(arg);
		fflush(NULL);
		_exit(0);
	}
	close(ofd);
	close(efd);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (out != NULL)
		*out = ck_read_file(opath, NULL);
	if (err != NULL)
		*err = ck_read_file(epath, NULL);
	unlink(opath);
	unlink(epath);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* s with every occurrence of from replaced by to (the caller frees it):
 * messages name temporary files, expected texts name them "F". */
static inline char *
ck_subst(const char *s, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), n = 0;
	const char *p;
	char *out, *o;

	for (p = s; (p = strstr(p, from)) != NULL; p += nf)
		n++;
	out = malloc(strlen(s) + n * nt + 1);
	ck_assert_ptr_nonnull(out);
	for (o = out, p = s; *p != '\0';) {
		if (nf > 0 && strncmp(p, from, nf) == 0) {
			memcpy(o, to, nt);
			o += nt;
			p += nf;
		} else
			*o++ = *p++;
	}
	*o = '\0';
	return out;
}

#endif
