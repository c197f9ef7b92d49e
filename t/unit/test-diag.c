/*
 * Diagnostics: the message format, -q, the exit statuses of cs_die,
 * cs_usage_error and cs_diag_finish, the cleanups of a fatal exit,
 * rejected rows (shown, counted, summarised, written to the rejects file,
 * fatal under --strict) and cs_quote. Whatever exits runs in a child.
 */
#include "config.h"

#include "buf.h"
#include "ck.h"
#include "diag.h"

static char dir[64];

static void
setup(void)
{
	snprintf(dir, sizeof dir, "%s", ck_temp_dir());
}

static void
teardown(void)
{
	ck_rm_dir(dir);
}

/* Run fn in a child; check its status, stdout and stderr. */
static void
expect(void (*fn)(void *), void *arg, int status, const char *out,
    const char *err)
{
	char *o, *e;
	int st = ck_run(fn, arg, &o, &e);

	ck_assert_msg(strcmp(o, out) == 0, "stdout \"%s\", expected \"%s\"",
	    o, out);
	ck_assert_msg(strcmp(e, err) == 0, "stderr \"%s\", expected \"%s\"",
	    e, err);
	ck_assert_int_eq(st, status);
	free(o);
	free(e);
}

static void
warn_job(void *arg)
{
	(void)arg;
	cs_warn("plain %d", 1);
	cs_warn_at("orders.csv", 12, "bad %s", "value");
	cs_warn_at("orders.csv", 0, "no line");
	cs_warn_at(NULL, 5, "no file");
	cs_diag_set_quiet(true);
	ck_assert(cs_diag_quiet());
	cs_warn("hidden");
	cs_warn_at("orders.csv", 3, "hidden");
	cs_diag_set_quiet(false);
	ck_assert(!cs_diag_quiet());
	cs_warn("shown again");
	printf("%d\n", cs_diag_finish());
}

START_TEST(test_warn)
{
	expect(warn_job, NULL, 0, "0\n",
	    "test-diag: plain 1\n"
	    "test-diag: orders.csv:12: bad value\n"
	    "test-diag: orders.csv: no line\n"
	    "test-diag: no file\n"
	    "test-diag: shown again\n");
}
END_TEST

static void
progname_job(void *arg)
{
	cs_diag_init(arg);
	printf("%s\n", cs_diag_progname());
	cs_die("gone");
}

START_TEST(test_progname)
{
	ck_assert_str_eq(cs_diag_progname(), "test-diag");
	expect(progname_job, (char *)"/usr/local/bin/cs-lost", 1, "cs-lost\n",
	    "cs-lost: gone\n");
	expect(progname_job, (char *)"./cs-chase", 1, "cs-chase\n",
	    "cs-chase: gone\n");
	expect(progname_job, (char *)"cs-segment", 1, "cs-segment\n",
	    "cs-segment: gone\n");
}
END_TEST

/* A message longer than the line buffer is cut, not overrun. */
static void
long_job(void *arg)
{
	char big[6000];

	(void)arg;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cs_warn_at("f.csv", 2, "%s", big);
}

START_TEST(test_long_message)
{
	char *e;

	ck_assert_int_eq(ck_run(long_job, NULL, NULL, &e), 0);
	ck_assert_uint_eq(strlen(e), 4096);	/* 4095 bytes and the newline */
	ck_assert(strncmp(e, "test-diag: f.csv:2: xxx", 23) == 0);
	ck_assert_int_eq(e[4095], '\n');
	free(e);
}
END_TEST

static int order[8], norder;

static void
cleanup_a(void)
{
	order[norder++] = 1;
}

static void
cleanup_b(void)
{
	order[norder++] = 2;
	/* A fatal error inside a cleanup does not run the cleanups again. */
	cs_die("cleanup failed too");
}

static void
print_order(void)
{
	printf("cleanups:");
	for (int i = 0; i < norder; i++)
		printf(" %d", order[i]);
	printf("\n");
}

static void
die_job(void *arg)
{
	int how = *(int *)arg;

	cs_diag_on_fatal(print_order);
	cs_diag_on_fatal(cleanup_a);
	if (how == 3)
		cs_diag_on_fatal(cleanup_b);
	printf("before\n");	/* buffered: flushed at exit */
	switch (how) {
	case 0:
		cs_die("cannot read %s", "orders.csv");
	case 1:
		cs_die_at("orders.csv", 7, "bad %s", "row");
	case 2:
		cs_usage_error("--top %s: invalid number", "\"x\"");
	case 3:
		cs_die("first");
	case 4:
		cs_exit(CS_EXIT_REJECTS);
	case 5:
		cs_diag_set_quiet(true);
		cs_die("errors show under -q");
	}
}

START_TEST(test_die)
{
	int how;

	how = 0;
	expect(die_job, &how, CS_EXIT_FAIL, "before\ncleanups: 1\n",
	    "test-diag: cannot read orders.csv\n");
	how = 1;
	expect(die_job, &how, 1, "before\ncleanups: 1\n",
	    "test-diag: orders.csv:7: bad row\n");
	how = 2;
	expect(die_job, &how, CS_EXIT_USAGE, "before\ncleanups: 1\n",
	    "test-diag: --top \"x\": invalid number\n"
	    "Try 'test-diag --help' for more information.\n");
	how = 3;
	/* cleanup_b ran first (last registered) and died: the exit goes on
	 * at once, without running the cleanups again or the rest. */
	expect(die_job, &how, 1, "before\n",
	    "test-diag: first\ntest-diag: cleanup failed too\n");
	how = 4;
	expect(die_job, &how, 3, "before\ncleanups: 1\n", "");
	how = 5;
	expect(die_job, &how, 1, "before\ncleanups: 1\n",
	    "test-diag: errors show under -q\n");
}
END_TEST

/* Rejects: how many, which shown, the summary and the status. */
struct reject_job {
	int		 n;
	bool		 quiet;
	bool		 strict;
	const char	*rejects;	/* --rejects file, or NULL */
	bool		 die;		/* cs_die after the rows */
};

static void
reject_job(void *arg)
{
	const struct reject_job *j = arg;

	cs_diag_set_quiet(j->quiet);
	cs_diag_set_strict(j->strict);
	if (j->rejects != NULL)
		cs_rejects_open(j->rejects);
	for (int i = 0; i < j->n; i++) {
		char raw[64];
		snprintf(raw, sizeof raw, "row,%d\r\n", i);
		cs_reject("in.csv", i + 2, raw, strlen(raw), "bad amount %s",
		    cs_quote(raw, strlen(raw) - 2));
		printf("%lu\n", cs_rejects_count());
	}
	if (j->die)
		cs_die("stopped");
	printf("status %d\n", cs_diag_finish());
}

START_TEST(test_reject_none)
{
	struct reject_job j = { 0 };

	expect(reject_job, &j, 0, "status 0\n", "");
}
END_TEST

START_TEST(test_reject_some)
{
	struct reject_job j = { 2, false, false, NULL, false };

	expect(reject_job, &j, 0, "1\n2\nstatus 3\n",
	    "test-diag: in.csv:2: bad amount \"row,0\"\n"
	    "test-diag: in.csv:3: bad amount \"row,1\"\n"
	    "test-diag: 2 rows rejected\n");
	j.n = 1;
	expect(reject_job, &j, 0, "1\nstatus 3\n",
	    "test-diag: in.csv:2: bad amount \"row,0\"\n"
	    "test-diag: 1 row rejected\n");
	/* -q: no row is named, the count still shows (it explains the 3). */
	j.quiet = true;
	j.n = 2;
	expect(reject_job, &j, 0, "1\n2\nstatus 3\n",
	    "test-diag: 2 rows rejected\n");
	j.n = 25;
	ck_assert_int_eq(ck_run(reject_job, &j, NULL, NULL), 0);
	char *e;
	ck_run(reject_job, &j, NULL, &e);
	ck_assert_str_eq(e, "test-diag: 25 rows rejected\n");
	free(e);
}
END_TEST

/* The first CS_REJECTS_SHOWN rows are named, then a summary. */
START_TEST(test_reject_many)
{
	struct reject_job j = { CS_REJECTS_SHOWN + 5, false, false, NULL,
		false };
	struct cs_buf want = CS_BUF_INIT, wout = CS_BUF_INIT;

	for (int i = 0; i < CS_REJECTS_SHOWN; i++)
		cs_buf_printf(&want, "test-diag: in.csv:%d: bad amount "
		    "\"row,%d\"\n", i + 2, i);
	cs_buf_adds(&want, "test-diag: 25 rows rejected, 5 of them not shown\n");
	for (int i = 0; i < CS_REJECTS_SHOWN + 5; i++)
		cs_buf_printf(&wout, "%d\n", i + 1);
	cs_buf_adds(&wout, "status 3\n");
	expect(reject_job, &j, 0, wout.data, want.data);
	cs_buf_free(&want);
	cs_buf_free(&wout);

	/* Exactly CS_REJECTS_SHOWN: all named, no "not shown". */
	j.n = CS_REJECTS_SHOWN;
	char *e;
	ck_run(reject_job, &j, NULL, &e);
	ck_assert_ptr_null(strstr(e, "not shown"));
	ck_assert_ptr_nonnull(strstr(e, "in.csv:21: bad amount \"row,19\"\n"
	    "test-diag: 20 rows rejected\n"));
	free(e);
}
END_TEST

START_TEST(test_rejects_file)
{
	char path[128];
	struct reject_job j = { 3, true, false, path, false };

	snprintf(path, sizeof path, "%s/rejects.csv", dir);
	expect(reject_job, &j, 0, "1\n2\n3\nstatus 3\n",
	    "test-diag: 3 rows rejected\n");
	char *got = ck_read_file(path, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "in.csv,2,\"bad amount \"\"row,0\"\"\",\"row,0\"\n"
	    "in.csv,3,\"bad amount \"\"row,1\"\"\",\"row,1\"\n"
	    "in.csv,4,\"bad amount \"\"row,2\"\"\",\"row,2\"\n");
	free(got);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);

	/* No rejected row: the file holds the header alone. */
	j.n = 0;
	expect(reject_job, &j, 0, "status 0\n", "");
	got = ck_read_file(path, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n");
	free(got);

	/* A fatal error later: the rejects file is kept, complete. */
	j.n = 2;
	j.die = true;
	expect(reject_job, &j, 1, "1\n2\n", "test-diag: stopped\n");
	got = ck_read_file(path, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "in.csv,2,\"bad amount \"\"row,0\"\"\",\"row,0\"\n"
	    "in.csv,3,\"bad amount \"\"row,1\"\"\",\"row,1\"\n");
	free(got);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

/* A file name and a record that need quoting; a record of several lines
 * keeps its inner line ends, loses the last one. */
static void
quoting_job(void *arg)
{
	cs_rejects_open(arg);
	cs_reject("my file,1.csv", 9, "\"a\nb\",c\n", 8, "x");
	cs_reject("f.csv", 10, "", 0, "empty record");
	cs_reject("f.csv", 11, "\r\n\r\n", 4, "only line ends");
	cs_diag_finish();
}

START_TEST(test_rejects_quoting)
{
	char path[128];

	snprintf(path, sizeof path, "%s/r.csv", dir);
	ck_assert_int_eq(ck_run(quoting_job, path, NULL, NULL), 0);
	char *got = ck_read_file(path, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "\"my file,1.csv\",9,x,\"\"\"a\nb\"\",c\"\n"
	    "f.csv,10,empty record,\n"
	    "f.csv,11,only line ends,\n");
	free(got);
}
END_TEST

/* --strict: the first bad row is fatal (exit 1, named as an error); the
 * rejects file keeps it. */
START_TEST(test_strict)
{
	char path[128];
	struct reject_job j = { 3, false, true, NULL, false };

	expect(reject_job, &j, 1, "",
	    "test-diag: in.csv:2: bad amount \"row,0\"\n");
	j.quiet = true;
	expect(reject_job, &j, 1, "",
	    "test-diag: in.csv:2: bad amount \"row,0\"\n");
	snprintf(path, sizeof path, "%s/rejects.csv", dir);
	j.rejects = path;
	expect(reject_job, &j, 1, "",
	    "test-diag: in.csv:2: bad amount \"row,0\"\n");
	char *got = ck_read_file(path, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "in.csv,2,\"bad amount \"\"row,0\"\"\",\"row,0\"\n");
	free(got);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);
}
END_TEST

static void
rejects_open_job(void *arg)
{
	cs_rejects_open(arg);
	printf("not reached\n");
}

START_TEST(test_rejects_open_fails)
{
	char path[128], *e, *err;

	snprintf(path, sizeof path, "%s/none/r.csv", dir);
	ck_assert_int_eq(ck_run(rejects_open_job, path, NULL, &err), 1);
	e = ck_subst(err, dir, "D");
	ck_assert_str_eq(e, "test-diag: cannot create D/none/r.csv: "
	    "No such file or directory\n");
	free(e);
	free(err);
}
END_TEST

START_TEST(test_quote)
{
	static const struct {
		const char	*in;
		size_t		 n;
		const char	*out;
	} q[] = {
		{ "abc", 3, "\"abc\"" },
		{ "", 0, "\"\"" },
		{ "say \"hi\"", 8, "\"say \\\"hi\\\"\"" },
		{ "back\\slash", 10, "\"back\\\\slash\"" },
		{ "a\nb\rc\td", 7, "\"a\\nb\\rc\\td\"" },
		{ "\x01\x1f\x7f", 3, "\"\\x01\\x1f\\x7f\"" },
		{ "nul\0x", 5, "\"nul\\x00x\"" },
		{ "客服", 6, "\"客服\"" },
		{ "\xB6\xA9\xB5\xA5", 4, "\"\\xb6\\xa9\\xb5\\xa5\"" },
		{ "ok\xE5\xAE", 4, "\"ok\\xe5\\xae\"" },
		{ "\xEF\xBF\xBD", 3, "\"\xEF\xBF\xBD\"" },
		{ "abc", 2, "\"ab\"" },
	};

	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
		ck_assert_msg(strcmp(cs_quote(q[i].in, q[i].n), q[i].out) == 0,
		    "case %zu: %s", i, cs_quote(q[i].in, q[i].n));

	/* Cut after 80 bytes, on a character boundary, with "...". */
	char a[200], want[200];
	memset(a, 'a', 100);
	ck_assert_uint_eq(strlen(cs_quote(a, 80)), 82);
	snprintf(want, sizeof want, "\"%.80s...\"", a);
	ck_assert_str_eq(cs_quote(a, 100), want);
	ck_assert_str_eq(cs_quote(a, 81), want);
	/* 79 ASCII bytes then 客 (3 bytes): the character is kept whole. */
	memcpy(a + 79, "客服", 6);
	snprintf(want, sizeof want, "\"%.79s客...\"", a);
	ck_assert_str_eq(cs_quote(a, 85), want);
	/* 80 bytes of control characters: four output bytes each. */
	memset(a, '\x01', 100);
	const char *r = cs_quote(a, 100);
	ck_assert_uint_eq(strlen(r), 1 + 80 * 4 + 3 + 1);
	ck_assert(strncmp(r, "\"\\x01\\x01", 9) == 0);
	ck_assert_str_eq(r + strlen(r) - 5, "1...\"");
	/* A long run of bad bytes stays within the buffer. */
	memset(a, '\xff', 200);
	r = cs_quote(a, 200);
	ck_assert_uint_lt(strlen(r), 400);
	ck_assert_str_eq(r + strlen(r) - 4, "...\"");

	/* Four values in one message. */
	const char *p1 = cs_quote("1", 1), *p2 = cs_quote("2", 1),
	    *p3 = cs_quote("3", 1), *p4 = cs_quote("4", 1);
	ck_assert_str_eq(p1, "\"1\"");
	ck_assert_str_eq(p2, "\"2\"");
	ck_assert_str_eq(p3, "\"3\"");
	ck_assert_str_eq(p4, "\"4\"");
}
END_TEST

static Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	/* Child runs are slow under the sanitizers on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_warn);
	tcase_add_test(tc, test_progname);
	tcase_add_test(tc, test_long_message);
	tcase_add_test(tc, test_die);
	tcase_add_test(tc, test_reject_none);
	tcase_add_test(tc, test_reject_some);
	tcase_add_test(tc, test_reject_many);
	tcase_add_test(tc, test_rejects_file);
	tcase_add_test(tc, test_rejects_quoting);
	tcase_add_test(tc, test_strict);
	tcase_add_test(tc, test_rejects_open_fails);
	tcase_add_test(tc, test_quote);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-diag", diag_suite)
