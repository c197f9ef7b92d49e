/*
 * Sinks: the atomic -o (a temporary file beside the target, renamed at
 * commit, removed on abort, on a fatal exit and on a signal), .gz output,
 * standard output, files that are not regular, and the write errors.
 * Anything that exits runs in a child process.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <zlib.h>

#include "buf.h"
#include "ck.h"
#include "diag.h"
#include "sink.h"

static char dir[64];
static char target[128];

static void
setup(void)
{
	snprintf(dir, sizeof dir, "%s", ck_temp_dir());
	snprintf(target, sizeof target, "%s/report.csv", dir);
}

static void
teardown(void)
{
	ck_rm_dir(dir);
}

static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void
assert_file(const char *path, const char *want)
{
	char *got = ck_read_file(path, NULL);

	ck_assert_msg(got != NULL, "%s: missing", path);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_commit)
{
	struct cs_sink *s = cs_sink_open(target);

	ck_assert_str_eq(cs_sink_name(s), target);
	/* Until the commit: only the temporary file, ".report.csv.XXXXXX". */
	cs_sink_write(s, "a,b\n", 4);
	cs_sink_write(s, "", 0);
	cs_sink_write(s, "1,2\n", 4);
	ck_assert_int_eq(access(target, F_OK), -1);
	ck_assert_int_eq(ck_count_entries(dir, ".report.csv."), 1);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	assert_file(target, "a,b\n1,2\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

/* A report already there is replaced whole at the commit, not before. */
START_TEST(test_replace)
{
	put_file(target, "old report\n");
	struct cs_sink *s = cs_sink_open(target);
	cs_sink_write(s, "new\n", 4);
	assert_file(target, "old report\n");
	ck_assert_int_eq(cs_sink_commit(s), 0);
	assert_file(target, "new\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

START_TEST(test_abort)
{
	put_file(target, "old report\n");
	struct cs_sink *s = cs_sink_open(target);
	cs_sink_write(s, "half", 4);
	cs_sink_abort(s);
	assert_file(target, "old report\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);

	/* A new file aborted leaves nothing. */
	unlink(target);
	s = cs_sink_open(target);
	cs_sink_write(s, "half", 4);
	cs_sink_abort(s);
	ck_assert_int_eq(ck_count_entries(dir, ""), 0);
}
END_TEST

/* A relative name: the temporary file is in the current folder. */
START_TEST(test_relative)
{
	ck_assert_int_eq(chdir(dir), 0);
	struct cs_sink *s = cs_sink_open("r.csv");
	cs_sink_write(s, "x\n", 2);
	ck_assert_int_eq(ck_count_entries(".", ".r.csv."), 1);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	assert_file("r.csv", "x\n");
	ck_assert_int_eq(ck_count_entries(".", ""), 1);
}
END_TEST

/* The file gets the mode a new file would get: 0666 less the umask. */
START_TEST(test_mode)
{
	struct stat st;

	umask(027);
	struct cs_sink *s = cs_sink_open(target);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0640);
	ck_assert_int_eq(st.st_size, 0);
	umask(0);
	s = cs_sink_open(target);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0666);
}
END_TEST

/* Writes of every size, around the 64 KiB buffer, arrive in order. */
START_TEST(test_sizes)
{
	static const size_t sizes[] = { 1, 65535, 1, 65536, 3, 65537, 0,
		200000, 7, 65534, 2, 1 };
	struct cs_buf want = CS_BUF_INIT;
	struct cs_sink *s = cs_sink_open(target);
	char *chunk = malloc(200000);
	size_t n = 0;

	ck_assert_ptr_nonnull(chunk);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (size_t k = 0; k < sizes[i]; k++)
			chunk[k] = (char)('a' + (i + k) % 26);
		cs_sink_write(s, chunk, sizes[i]);
		cs_buf_add(&want, chunk, sizes[i]);
	}
	ck_assert_int_eq(cs_sink_commit(s), 0);
	char *got = ck_read_file(target, &n);
	ck_assert_uint_eq(n, want.len);
	ck_assert(memcmp(got, want.data, n) == 0);
	free(got);
	free(chunk);
	cs_buf_free(&want);
}
END_TEST

static char *
gunzip_file(const char *path, size_t *n)
{
	gzFile gz = gzopen(path, "rb");
	struct cs_buf b = CS_BUF_INIT;
	char tmp[4096];
	int k;

	ck_assert_ptr_nonnull(gz);
	ck_assert_int_eq(gzdirect(gz), 0);
	cs_buf_add(&b, "", 0);
	while ((k = gzread(gz, tmp, sizeof tmp)) > 0)
		cs_buf_add(&b, tmp, (size_t)k);
	ck_assert_int_eq(k, 0);
	ck_assert_int_eq(gzclose(gz), Z_OK);
	*n = b.len;
	return b.data;
}

START_TEST(test_gzip)
{
	char path[128];
	struct cs_buf want = CS_BUF_INIT;
	size_t n;

	snprintf(path, sizeof path, "%s/report.csv.gz", dir);
	struct cs_sink *s = cs_sink_open(path);
	cs_sink_write(s, "客服,lost\n", 11);
	cs_buf_add(&want, "客服,lost\n", 11);
	for (int i = 0; i < 30000; i++) {
		char line[32];
		int k = snprintf(line, sizeof line, "agent%d,%d\n", i, i % 7);
		cs_sink_write(s, line, (size_t)k);
		cs_buf_add(&want, line, (size_t)k);
	}
	ck_assert_int_eq(ck_count_entries(dir, ".report.csv.gz."), 1);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	char *raw = ck_read_file(path, &n);
	ck_assert_uint_ge(n, 2);
	ck_assert_int_eq((unsigned char)raw[0], 0x1f);
	ck_assert_int_eq((unsigned char)raw[1], 0x8b);
	ck_assert_uint_lt(n, want.len / 2);
	free(raw);
	char *got = gunzip_file(path, &n);
	ck_assert_uint_eq(n, want.len);
	ck_assert(memcmp(got, want.data, n) == 0);
	free(got);

	/* An empty .gz output is still a valid gzip file. */
	s = cs_sink_open(path);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	got = gunzip_file(path, &n);
	ck_assert_uint_eq(n, 0);
	free(got);

	/* Aborted: nothing left. */
	unlink(path);
	s = cs_sink_open(path);
	cs_sink_write(s, "x", 1);
	cs_sink_abort(s);
	ck_assert_int_eq(ck_count_entries(dir, ""), 0);
	cs_buf_free(&want);
}
END_TEST

static void
stdout_job(void *arg)
{
	struct cs_sink *s = cs_sink_open(arg);

	ck_assert_str_eq(cs_sink_name(s), "-");
	cs_sink_write(s, "to stdout\n", 10);
	printf("%d\n", cs_sink_commit(s));
}

START_TEST(test_stdout)
{
	char *out, *err;

	ck_assert_int_eq(ck_run(stdout_job, NULL, &out, &err), 0);
	ck_assert_str_eq(out, "to stdout\n0\n");
	ck_assert_str_eq(err, "");
	free(out);
	free(err);
	ck_assert_int_eq(ck_run(stdout_job, (char *)"-", &out, &err), 0);
	ck_assert_str_eq(out, "to stdout\n0\n");
	free(out);
	free(err);
	ck_assert_int_eq(ck_count_entries(dir, ""), 0);
}
END_TEST

/* /dev/null and a FIFO are written in place, with no temporary file. */
START_TEST(test_not_regular)
{
	struct cs_sink *s = cs_sink_open("/dev/null");

	cs_sink_write(s, "gone\n", 5);
	ck_assert_int_eq(cs_sink_commit(s), 0);

	char fifo[128];
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cs_sink *w = cs_sink_open(fifo);
		cs_sink_write(w, "through the fifo\n", 17);
		_exit(cs_sink_commit(w) == 0 ? 0 : 9);
	}
	char *got = ck_read_file(fifo, NULL);
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_str_eq(got, "through the fifo\n");
	free(got);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

/* The rename fails (a folder took the target's name): -1, the reason,
 * and no temporary file left. */
START_TEST(test_commit_fails)
{
	struct cs_sink *s = cs_sink_open(target);

	cs_sink_write(s, "x\n", 2);
	ck_assert_int_eq(mkdir(target, 0700), 0);
	ck_assert_int_eq(cs_sink_commit(s), -1);
	ck_assert_str_eq(cs_sink_strerror(), strerror(EISDIR));
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

struct fatal_job {
	const char	*path;
	int		 how;		/* 0 cs_die, 1 SIGTERM, 2 SIGINT, 3 SIGHUP
					 * ignored first, 4 too many files */
};

static struct cs_sink *volatile more[8];	/* read by nobody: volatile */

static void
fatal_job(void *arg)
{
	const struct fatal_job *j = arg;

	if (j->how == 3)
		signal(SIGHUP, SIG_IGN);
	struct cs_sink *s = cs_sink_open(j->path);
	cs_sink_write(s, "partial\n", 8);
	switch (j->how) {
	case 0:
		cs_die("something failed");
	case 1:
		raise(SIGTERM);
		break;
	case 2:
		raise(SIGINT);
		break;
	case 3:
		raise(SIGHUP);
		printf("survived %d\n", cs_sink_commit(s));
		break;
	case 4:
		for (int i = 0; i < 8; i++) {
			char p[160];
			snprintf(p, sizeof p, "%s.%d", j->path, i);
			more[i] = cs_sink_open(p);	/* kept: no leak */
		}
		break;
	}
	printf("not reached\n");
}

/* A fatal exit or a signal before the commit removes the temporary file
 * and leaves an old report as it was. */
START_TEST(test_fatal_cleanup)
{
	struct fatal_job j = { target, 0 };
	char *out, *err;

	put_file(target, "old\n");
	ck_assert_int_eq(ck_run(fatal_job, &j, &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "test-sink: something failed\n");
	assert_file(target, "old\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	free(out);
	free(err);

	j.how = 1;
	ck_assert_int_eq(ck_run(fatal_job, &j, &out, &err), 128 + SIGTERM);
	ck_assert_str_eq(out, "");
	assert_file(target, "old\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	free(out);
	free(err);

	j.how = 2;
	ck_assert_int_eq(ck_run(fatal_job, &j, &out, &err), 128 + SIGINT);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	free(out);
	free(err);

	/* Under nohup SIGHUP stays ignored. */
	j.how = 3;
	ck_assert_int_eq(ck_run(fatal_job, &j, &out, &err), 0);
	ck_assert_str_eq(out, "survived 0\nnot reached\n");
	assert_file(target, "partial\n");
	free(out);
	free(err);

	/* Eight temporary files at most; the ninth is fatal, and every one
	 * of them is removed. */
	j.how = 4;
	ck_assert_int_eq(ck_run(fatal_job, &j, &out, &err), 1);
	ck_assert_str_eq(err, "test-sink: too many output files\n");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
	free(out);
	free(err);
}
END_TEST

/* Committed sinks give their slot back: many outputs one after another. */
START_TEST(test_many_sequential)
{
	for (int i = 0; i < 20; i++) {
		struct cs_sink *s = cs_sink_open(target);
		cs_sink_write(s, "x", 1);
		if (i % 2)
			cs_sink_abort(s);
		else
			ck_assert_int_eq(cs_sink_commit(s), 0);
	}
	assert_file(target, "x");
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

static void
open_job(void *arg)
{
	struct cs_sink *s = cs_sink_open(arg);

	cs_sink_write(s, "x\n", 2);
	printf("%d\n", cs_sink_commit(s));
}

static void
big_job(void *arg)
{
	struct cs_sink *s = cs_sink_open(arg);
	static char block[100000];

	cs_sink_write(s, block, sizeof block);
	printf("not reached\n");
}

START_TEST(test_open_errors)
{
	char path[160], *out, *err, *e;

	snprintf(path, sizeof path, "%s/no/such/report.csv", dir);
	ck_assert_int_eq(ck_run(open_job, path, &out, &err), 1);
	ck_assert_str_eq(out, "");
	e = ck_subst(err, dir, "D");
	ck_assert_str_eq(e, "test-sink: cannot create D/no/such/report.csv: "
	    "No such file or directory\n");
	free(out);
	free(err);
	free(e);

	/* A folder as the output. */
	ck_assert_int_eq(ck_run(open_job, dir, &out, &err), 1);
	e = ck_subst(err, dir, "D");
	ck_assert_str_eq(e, "test-sink: cannot create D: Is a directory\n");
	free(out);
	free(err);
	free(e);
}
END_TEST

/* A full disk: the error names the output and the exit status is 1,
 * whether it shows at a write (a big one) or at the commit's flush. */
START_TEST(test_write_errors)
{
	char *out, *err;

	ck_assert_int_eq(ck_run(open_job, (char *)"/dev/full", &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "test-sink: /dev/full: write error: "
	    "No space left on device\n");
	free(out);
	free(err);
	ck_assert_int_eq(ck_run(big_job, (char *)"/dev/full", &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "test-sink: /dev/full: write error: "
	    "No space left on device\n");
	free(out);
	free(err);
}
END_TEST

static void
stdout_full_job(void *arg)
{
	(void)arg;
	ck_assert_ptr_nonnull(freopen("/dev/full", "w", stdout));
	struct cs_sink *s = cs_sink_open("-");
	cs_sink_write(s, "x\n", 2);
	cs_sink_commit(s);
	fputs("not reached\n", stderr);
}

START_TEST(test_stdout_full)
{
	char *err;

	ck_assert_int_eq(ck_run(stdout_full_job, NULL, NULL, &err), 1);
	ck_assert_str_eq(err, "test-sink: write error: No space left on device\n");
	free(err);
}
END_TEST

static Suite *
sink_suite(void)
{
	Suite *s = suite_create("sink");
	TCase *tc = tcase_create("sink");

	/* Child runs are slow under the sanitizers on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_commit);
	tcase_add_test(tc, test_replace);
	tcase_add_test(tc, test_abort);
	tcase_add_test(tc, test_relative);
	tcase_add_test(tc, test_mode);
	tcase_add_test(tc, test_sizes);
	tcase_add_test(tc, test_gzip);
	tcase_add_test(tc, test_stdout);
	tcase_add_test(tc, test_not_regular);
	tcase_add_test(tc, test_commit_fails);
	tcase_add_test(tc, test_fatal_cleanup);
	tcase_add_test(tc, test_many_sequential);
	tcase_add_test(tc, test_open_errors);
	tcase_add_test(tc, test_write_errors);
	tcase_add_test(tc, test_stdout_full);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-sink", sink_suite)
