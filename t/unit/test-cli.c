/*
 * The common command line: every common option, a tool's own options in
 * order, the usage errors word for word (exit 2), --help and --version
 * (exit 0), number options, and the start and end of a run
 * (cs_cli_open_output, cs_cli_finish). Each parse runs in a child process.
 */
#include "config.h"

#include <sys/stat.h>

#include "buf.h"
#include "ck.h"
#include "cli.h"
#include "diag.h"
#include "fields.h"
#include "i18n.h"

enum {
	OPT_WINDOW = CS_OPT_TOOL,
	OPT_DRY
};

static const struct cs_option demo_options[] = {
	{ "top", 't', true, "N", N_("show the N biggest") },
	{ "all", 'a', false, NULL, N_("every row") },
	{ "window", OPT_WINDOW, true, "DAYS", N_("days an order counts\nafter an inquiry") },
	{ "dry-run", OPT_DRY, false, NULL, N_("write nothing") },
	{ NULL, 0, false, NULL, NULL }
};

static void
demo_handle(int key, const char *arg)
{
	printf("tool %d %s\n", key, arg != NULL ? arg : "(none)");
}

static const struct cs_tool demo = {
	"cs-demo",
	N_("Show what a demo does."),
	N_("Details after the options."),
	demo_options,
	demo_handle
};

#define MAXARGS 16

struct parse_job {
	const char	*argv[MAXARGS];
};

static const char *
fmt_name(enum cs_format f)
{
	return f == CS_FORMAT_CSV ? "csv" : f == CS_FORMAT_TSV ? "tsv" : "text";
}

/* The child: parse, then print every common setting and the operands. */
static void
parse_job(void *arg)
{
	struct parse_job *j = arg;
	struct cs_common c;
	int argc = 0;

	while (j->argv[argc] != NULL)
		argc++;
	int i = cs_cli_parse(&demo, argc, (char **)j->argv, &c);
	printf("output=%s format=%s delim=%d enc=%d bom=%d strict=%d "
	    "quiet=%d rejects=%s\n", c.output != NULL ? c.output : "(null)",
	    fmt_name(c.format), c.in.delim, (int)c.in.encoding, c.bom,
	    c.strict, c.quiet, c.rejects != NULL ? c.rejects : "(null)");
	printf("diag quiet=%d\n", cs_diag_quiet());
	for (; i < argc; i++)
		printf("file %s\n", j->argv[i]);
}

#define PARSE(status, out, err, ...) do {				\
	struct parse_job j_ = { { "cs-demo", __VA_ARGS__, NULL } };	\
	check_parse(&j_, status, out, err);				\
} while (0)

static void
check_parse(struct parse_job *j, int status, const char *out, const char *err)
{
	char *o, *e;
	int st = ck_run(parse_job, j, &o, &e);

	ck_assert_msg(strcmp(e, err) == 0, "%s: stderr \"%s\", expected \"%s\"",
	    j->argv[1], e, err);
	ck_assert_msg(strcmp(o, out) == 0, "%s: stdout \"%s\", expected \"%s\"",
	    j->argv[1], o, out);
	ck_assert_msg(st == status, "%s: status %d", j->argv[1], st);
	free(o);
	free(e);
}

#define DEFAULTS "output=(null) format=csv delim=44 enc=0 bom=0 strict=0 " \
	"quiet=0 rejects=(null)\ndiag quiet=0\n"
#define TRY "Try 'cs-demo --help' for more information.\n"

START_TEST(test_defaults)
{
	struct parse_job j = { { "cs-demo", NULL } };

	check_parse(&j, 0, DEFAULTS, "");
	PARSE(0, DEFAULTS "file a.csv\nfile -\n", "", "a.csv", "-");
	/* "--" ends the options. */
	PARSE(0, DEFAULTS "file -q\n", "", "--", "-q");
}
END_TEST

START_TEST(test_common)
{
	PARSE(0, "output=r.csv format=text delim=9 enc=2 bom=1 strict=1 "
	    "quiet=1 rejects=bad.csv\ndiag quiet=1\nfile in.csv\n", "",
	    "-o", "r.csv", "-f", "text", "-d", "tab", "--encoding", "gb18030",
	    "--bom", "--strict", "--rejects", "bad.csv", "-q", "in.csv");
	PARSE(0, "output=x.gz format=tsv delim=59 enc=1 bom=0 strict=0 "
	    "quiet=0 rejects=(null)\ndiag quiet=0\n", "",
	    "--output=x.gz", "--format=tsv", "--delimiter=;",
	    "--encoding=utf-8");
	/* Options after operands (GNU order), the last one of a kind wins. */
	PARSE(0, "output=b format=csv delim=124 enc=2 bom=0 strict=0 "
	    "quiet=1 rejects=(null)\ndiag quiet=1\nfile in.csv\n", "",
	    "-ob", "in.csv", "-q", "-d|", "--encoding", "gbk", "-f", "tsv",
	    "-fcsv");
	/* Tab, written three ways. */
	PARSE(0, "output=(null) format=csv delim=9 enc=0 bom=0 strict=0 "
	    "quiet=0 rejects=(null)\ndiag quiet=0\n", "", "-d", "\\t");
	PARSE(0, "output=(null) format=csv delim=9 enc=0 bom=0 strict=0 "
	    "quiet=0 rejects=(null)\ndiag quiet=0\n", "", "-d", "\t");
}
END_TEST

START_TEST(test_tool_options)
{
	/* In command-line order, the long-only ones with their keys. */
	PARSE(0, "tool 116 10\ntool 97 (none)\ntool 300 3\ntool 301 (none)\n"
	    "tool 116 5\n" DEFAULTS "file f\n", "",
	    "--top", "10", "-a", "--window=3", "f", "--dry-run", "-t5");
	/* A unique prefix of a long option. */
	PARSE(0, "tool 300 7\n" DEFAULTS, "", "--win", "7");
}
END_TEST

/* --map is checked against the dictionary after the parse. */
static void
map_job(void *arg)
{
	parse_job(arg);
	const char *const *a = cs_field_aliases("agent");
	ck_assert_ptr_nonnull(a);
}

START_TEST(test_map)
{
	struct parse_job j = { { "cs-demo", "-m", "agent=接待人", "--map",
		"buyer=旺旺", NULL } };
	char *o, *e;

	ck_assert_int_eq(ck_run(map_job, &j, &o, &e), 0);
	ck_assert_str_eq(e, "");
	free(o);
	free(e);
	PARSE(2, "", "cs-demo: --map \"agent\": must be FIELD=HEADER\n" TRY,
	    "-m", "agent");
	PARSE(2, "", "cs-demo: --map \"=x\": must be FIELD=HEADER\n" TRY,
	    "--map==x");
	PARSE(2, "", "cs-demo: --map: no field 'agnet' (see cs-tools(7) for "
	    "the field names)\n" TRY, "-m", "agent=a", "-m", "agnet=b");
}
END_TEST

START_TEST(test_usage_errors)
{
	PARSE(2, "", "cs-demo: --format \"json\": must be csv, tsv or text\n"
	    TRY, "-f", "json");
	PARSE(2, "", "cs-demo: --format \"\": must be csv, tsv or text\n"
	    TRY, "--format=");
	PARSE(2, "", "cs-demo: --delimiter \"ab\": must be one character, or "
	    "'tab'\n" TRY, "-d", "ab");
	PARSE(2, "", "cs-demo: --delimiter \"\\\"\": must be one character, or "
	    "'tab'\n" TRY, "-d", "\"");
	PARSE(2, "", "cs-demo: --delimiter \"\\n\": must be one character, or "
	    "'tab'\n" TRY, "-d", "\n");
	PARSE(2, "", "cs-demo: --delimiter \"\": must be one character, or "
	    "'tab'\n" TRY, "-d", "");
	PARSE(2, "", "cs-demo: --delimiter \"，\": must be one character, or "
	    "'tab'\n" TRY, "-d", "，");
	PARSE(2, "", "cs-demo: --encoding \"latin1\": must be auto, utf-8 or "
	    "gb18030\n" TRY, "--encoding", "latin1");
	PARSE(2, "", "cs-demo: option requires an argument -- 'o'\n" TRY,
	    "-o");
	PARSE(2, "", "cs-demo: option requires an argument -- 'o'\n" TRY,
	    "-qo");
	PARSE(2, "", "cs-demo: option '--output' requires an argument\n" TRY,
	    "--output");
	PARSE(2, "", "cs-demo: option '--window' requires an argument\n" TRY,
	    "--window");
	PARSE(2, "", "cs-demo: invalid option -- 'x'\n" TRY, "-x");
	PARSE(2, "", "cs-demo: invalid option -- 'x'\n" TRY, "-qx");
	PARSE(2, "", "cs-demo: unrecognized option '--bogus'\n" TRY,
	    "--bogus");
	PARSE(2, "", "cs-demo: unrecognized option '--bogus=1'\n" TRY,
	    "--bogus=1");
	PARSE(2, "", "cs-demo: option '--bom=1' doesn't allow an argument\n"
	    TRY, "--bom=1");
	PARSE(2, "", "cs-demo: option '--dry-run=x' doesn't allow an "
	    "argument\n" TRY, "--dry-run=x");
	/* The tool options before the error have been handled. */
	PARSE(2, "tool 116 1\n", "cs-demo: invalid option -- 'z'\n" TRY,
	    "-t1", "-z");
}
END_TEST

/* An unknown letter inside a group of short options, after a long
 * option: the message names the letter, not the long option. */
START_TEST(test_invalid_in_group)
{
	PARSE(2, "", "cs-demo: invalid option -- 'x'\n" TRY, "--strict",
	    "-xq");
	PARSE(2, "", "cs-demo: invalid option -- 'x'\n" TRY, "--bom", "-qxq");
}
END_TEST

static const char help_text[] =
    "Usage: cs-demo [OPTION]... [FILE]...\n"
    "Show what a demo does.\n"
    "\n"
    "Options:\n"
    "  -t, --top=N             show the N biggest\n"
    "  -a, --all               every row\n"
    "      --window=DAYS       days an order counts\n"
    "                          after an inquiry\n"
    "      --dry-run           write nothing\n"
    "\n"
    "Input and output (the same in every cs- tool):\n"
    "  -o, --output=FILE       write the report to FILE atomically; a name\n"
    "                          ending in .gz is compressed\n"
    "  -f, --format=FORMAT     csv (default), tsv or text (aligned columns)\n"
    "  -m, --map=FIELD=HEADER  read FIELD from the column HEADER (repeatable)\n"
    "  -d, --delimiter=C       input delimiter: ',' (default), tab, ';' or '|'\n"
    "      --encoding=ENC      input encoding: auto (default), utf-8, gb18030\n"
    "      --bom               start the output with a UTF-8 BOM, for Excel\n"
    "      --strict            stop at the first bad row (exit 1)\n"
    "      --rejects=FILE      write every rejected row, as read, with its\n"
    "                          line and the reason, to FILE\n"
    "  -q, --quiet             no warnings, only errors\n"
    "  -h, --help              show this help and exit\n"
    "  -V, --version           show the version and exit\n"
    "\n"
    "Details after the options.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. Gzip input is\n"
    "recognised by its content, GBK/GB18030 input by its bytes.\n"
    "Exit status: 0 all rows used; 1 failure, no output; 2 usage error;\n"
    "3 output complete but some rows rejected.\n"
    "See cs-demo(1) and cs-tools(7).\n";

START_TEST(test_help_version)
{
	PARSE(0, help_text, "", "--help");
	PARSE(0, help_text, "", "-h", "--bogus-after");
	/* Options before --help are handled, then it exits. */
	char want[sizeof help_text + 16];
	snprintf(want, sizeof want, "tool 116 3\n%s", help_text);
	PARSE(0, want, "", "-t3", "--help", "-f", "json");
}
END_TEST

START_TEST(test_version)
{
	char want[128];

	snprintf(want, sizeof want, "cs-demo (%s) %s\n", PACKAGE_NAME,
	    PACKAGE_VERSION);
	PARSE(0, want, "", "--version");
	PARSE(0, want, "", "-V", "-f", "json");
}
END_TEST

static void
help_full_job(void *arg)
{
	ck_assert_ptr_nonnull(freopen("/dev/full", "w", stdout));
	parse_job(arg);
}

START_TEST(test_help_write_error)
{
	struct parse_job j = { { "cs-demo", "--help", NULL } };
	char *e;

	ck_assert_int_eq(ck_run(help_full_job, &j, NULL, &e), 1);
	ck_assert_str_eq(e, "cs-demo: write error: No space left on device\n");
	free(e);
	j.argv[1] = "--version";
	ck_assert_int_eq(ck_run(help_full_job, &j, NULL, &e), 1);
	ck_assert_str_eq(e, "cs-demo: write error: No space left on device\n");
	free(e);
}
END_TEST

/* Number options: the value, or exit 2 with the option and the value. */
struct number_job {
	const char	*arg;
	bool		 decimal;
};

static void
number_job(void *arg)
{
	const struct number_job *j = arg;

	cs_diag_init("cs-demo");
	if (j->decimal)
		printf("%.4f\n", cs_cli_decimal("rate", j->arg, 0.5, 100));
	else
		printf("%lld\n", cs_cli_number("top", j->arg, 1, 1000));
}

static void
check_number(const char *arg, bool decimal, int status, const char *out,
    const char *err)
{
	struct number_job j = { arg, decimal };
	char *o, *e;

	ck_assert_int_eq(ck_run(number_job, &j, &o, &e), status);
	ck_assert_msg(strcmp(o, out) == 0, "%s: \"%s\"", arg, o);
	ck_assert_msg(strcmp(e, err) == 0, "%s: \"%s\"", arg, e);
	free(o);
	free(e);
}

/* Name lists: the indexes in order, or exit 2 naming what is wrong. */
static void
list_job(void *arg)
{
	static const char *const names[] = { "agent", "reason", "week" };
	int out[3];
	size_t n;

	cs_diag_init("cs-demo");
	n = cs_cli_list("by", arg, names, 3, out);
	for (size_t i = 0; i < n; i++)
		printf("%s%d", i > 0 ? " " : "", out[i]);
	printf("\n");
}

static void
check_list(const char *arg, int status, const char *out, const char *err)
{
	char *o, *e;

	ck_assert_int_eq(ck_run(list_job, (void *)arg, &o, &e), status);
	ck_assert_msg(strcmp(o, out) == 0, "%s: \"%s\"", arg, o);
	ck_assert_msg(strcmp(e, err) == 0, "%s: \"%s\"", arg, e);
	free(o);
	free(e);
}

START_TEST(test_list)
{
	check_list("reason", 0, "1\n", "");
	check_list("week,agent,reason", 0, "2 0 1\n", "");
	check_list("agent,weeks", 2, "",
	    "cs-demo: --by \"agent,weeks\": no field \"weeks\" (fields: agent, reason, week)\n" TRY);
	check_list("", 2, "",
	    "cs-demo: --by \"\": no field \"\" (fields: agent, reason, week)\n" TRY);
	check_list("agent,", 2, "",
	    "cs-demo: --by \"agent,\": no field \"\" (fields: agent, reason, week)\n" TRY);
	check_list("week,agent,week", 2, "",
	    "cs-demo: --by \"week,agent,week\": week twice\n" TRY);
}
END_TEST

START_TEST(test_number)
{
	check_number("10", false, 0, "10\n", "");
	check_number("1", false, 0, "1\n", "");
	check_number("1000", false, 0, "1000\n", "");
	check_number("0", false, 2, "",
	    "cs-demo: --top \"0\": too small (at least 1)\n" TRY);
	check_number("-5", false, 2, "",
	    "cs-demo: --top \"-5\": too small (at least 1)\n" TRY);
	check_number("1001", false, 2, "",
	    "cs-demo: --top \"1001\": too large (at most 1000)\n" TRY);
	check_number("99999999999999999999", false, 2, "",
	    "cs-demo: --top \"99999999999999999999\": invalid number\n" TRY);
	check_number("abc", false, 2, "",
	    "cs-demo: --top \"abc\": invalid number\n" TRY);
	check_number("", false, 2, "",
	    "cs-demo: --top \"\": invalid number\n" TRY);
	check_number("1.5", false, 2, "",
	    "cs-demo: --top \"1.5\": invalid number\n" TRY);
	check_number("10x", false, 2, "",
	    "cs-demo: --top \"10x\": invalid number\n" TRY);

	check_number("2.5", true, 0, "2.5000\n", "");
	check_number("0.5", true, 0, "0.5000\n", "");
	check_number("100", true, 0, "100.0000\n", "");
	check_number("0.4", true, 2, "",
	    "cs-demo: --rate \"0.4\": too small (at least 0.5)\n" TRY);
	check_number("100.01", true, 2, "",
	    "cs-demo: --rate \"100.01\": too large (at most 100)\n" TRY);
	check_number("x", true, 2, "",
	    "cs-demo: --rate \"x\": invalid number\n" TRY);
	check_number("1,5", true, 2, "",
	    "cs-demo: --rate \"1,5\": invalid number\n" TRY);
}
END_TEST

/* A whole run: open the output and the rejects file, write, finish. */
struct run_job {
	const char	*argv[MAXARGS];
	int		 nreject;
};

static void
run_job(void *arg)
{
	struct run_job *j = arg;
	struct cs_common c;
	int argc = 0;

	while (j->argv[argc] != NULL)
		argc++;
	cs_cli_parse(&demo, argc, (char **)j->argv, &c);
	struct cs_sink *out = cs_cli_open_output(&c);
	cs_sink_write(out, "report\n", 7);
	for (int i = 0; i < j->nreject; i++)
		cs_reject("in.csv", i + 2, "x,y\n", 4, "bad row");
	if (c.output != NULL && strcmp(c.output, "-") != 0 &&
	    strstr(c.output, "blocked") != NULL) {
		char *tmp = strdup(c.output);
		mkdir(tmp, 0700);	/* the rename will fail */
		free(tmp);
	}
	exit(cs_cli_finish(out));
}

START_TEST(test_run)
{
	char *d = ck_temp_dir(), dir[64], rep[128], rej[128], *o, *e, *got;

	snprintf(dir, sizeof dir, "%s", d);
	snprintf(rep, sizeof rep, "%s/report.csv", dir);
	snprintf(rej, sizeof rej, "%s/rejects.csv", dir);

	/* To standard output, no rejects: 0. */
	struct run_job j = { { "cs-demo", NULL }, 0 };
	ck_assert_int_eq(ck_run(run_job, &j, &o, &e), 0);
	ck_assert_str_eq(o, "report\n");
	ck_assert_str_eq(e, "");
	free(o);
	free(e);

	/* -o and --rejects, two rows rejected: 3, both files complete. */
	struct run_job j2 = { { "cs-demo", "-q", "-o", rep, "--rejects", rej,
		NULL }, 2 };
	ck_assert_int_eq(ck_run(run_job, &j2, &o, &e), 3);
	ck_assert_str_eq(o, "");
	ck_assert_str_eq(e, "cs-demo: 2 rows rejected\n");
	got = ck_read_file(rep, NULL);
	ck_assert_str_eq(got, "report\n");
	free(got);
	got = ck_read_file(rej, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "in.csv,2,bad row,\"x,y\"\n" "in.csv,3,bad row,\"x,y\"\n");
	free(got);
	free(o);
	free(e);
	ck_assert_int_eq(ck_count_entries(dir, ""), 2);

	/* --strict: the first reject is fatal; the report is not written. */
	unlink(rep);
	struct run_job j3 = { { "cs-demo", "--strict", "-o", rep, "--rejects",
		rej, NULL }, 2 };
	ck_assert_int_eq(ck_run(run_job, &j3, &o, &e), 1);
	ck_assert_str_eq(e, "cs-demo: in.csv:2: bad row\n");
	ck_assert_int_eq(access(rep, F_OK), -1);
	got = ck_read_file(rej, NULL);
	ck_assert_str_eq(got, "file,line,reason,record\n"
	    "in.csv,2,bad row,\"x,y\"\n");
	free(got);
	free(o);
	free(e);
	ck_assert_int_eq(ck_count_entries(dir, ""), 1);

	/* The report cannot be put in place: 1, named, nothing left. */
	char blocked[128];
	snprintf(blocked, sizeof blocked, "%s/blocked.csv", dir);
	struct run_job j4 = { { "cs-demo", "-o", blocked, NULL }, 0 };
	ck_assert_int_eq(ck_run(run_job, &j4, &o, &e), 1);
	char *e2 = ck_subst(e, dir, "D");
	ck_assert_str_eq(e2, "cs-demo: D/blocked.csv: write error: "
	    "Is a directory\n");
	free(e2);
	free(o);
	free(e);
	ck_assert_int_eq(ck_count_entries(dir, ".blocked"), 0);
	ck_rm_dir(dir);
}
END_TEST

static Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	/* Child runs are slow under the sanitizers on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_common);
	tcase_add_test(tc, test_tool_options);
	tcase_add_test(tc, test_map);
	tcase_add_test(tc, test_usage_errors);
	tcase_add_test(tc, test_invalid_in_group);
	tcase_add_test(tc, test_help_version);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_help_write_error);
	tcase_add_test(tc, test_number);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_run);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-cli", cli_suite)
