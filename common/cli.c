/*
 * Command-line parsing, help and the start and end of every tool's run.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "fields.h"
#include "i18n.h"
#include "value.h"
#include "width.h"
#include "xmalloc.h"

enum {
	OPT_ENCODING = 256,
	OPT_BOM,
	OPT_STRICT,
	OPT_REJECTS
};

static const struct cs_option common_options[] = {
	{ "output", 'o', true, "FILE",
	    N_("write the report to FILE atomically; a name\nending in .gz is compressed") },
	{ "format", 'f', true, "FORMAT",
	    N_("csv (default), tsv or text (aligned columns)") },
	{ "map", 'm', true, "FIELD=HEADER",
	    N_("read FIELD from the column HEADER (repeatable)") },
	{ "delimiter", 'd', true, "C",
	    N_("input delimiter: ',' (default), tab, ';' or '|'") },
	{ "encoding", OPT_ENCODING, true, "ENC",
	    N_("input encoding: auto (default), utf-8, gb18030") },
	{ "bom", OPT_BOM, false, NULL,
	    N_("start the output with a UTF-8 BOM, for Excel") },
	{ "strict", OPT_STRICT, false, NULL,
	    N_("stop at the first bad row (exit 1)") },
	{ "rejects", OPT_REJECTS, true, "FILE",
	    N_("write every rejected row, as read, with its\nline and the reason, to FILE") },
	{ "quiet", 'q', false, NULL, N_("no warnings, only errors") },
	{ "help", 'h', false, NULL, N_("show this help and exit") },
	{ "version", 'V', false, NULL, N_("show the version and exit") },
	{ NULL, 0, false, NULL, NULL }
};

static size_t
count(const struct cs_option *o)
{
	size_t n = 0;

	while (o != NULL && o[n].name != NULL)
		n++;
	return n;
}

static void
option_label(struct cs_buf *b, const struct cs_option *o)
{
	cs_buf_reset(b);
	if (o->key < 256)
		cs_buf_printf(b, "  -%c, --%s", o->key, o->name);
	else
		cs_buf_printf(b, "      --%s", o->name);
	if (o->has_arg)
		cs_buf_printf(b, "=%s", o->arg);
}

static void
print_options(const struct cs_option *opts, size_t col)
{
	struct cs_buf label = CS_BUF_INIT;

	for (size_t i = 0; opts[i].name != NULL; i++) {
		const char *help = _(opts[i].help);
		option_label(&label, &opts[i]);
		fputs(label.data, stdout);
		size_t w = cs_width(label.data, label.len);
		if (w + 2 > col) {
			putchar('\n');
			w = 0;
		}
		for (const char *p = help;;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
			printf("%*s%.*s\n", (int)(col - w), "", (int)n, p);
			if (nl == NULL)
				break;
			p = nl + 1;
			w = 0;
		}
	}
	cs_buf_free(&label);
}

/* Print the full help on standard output. */
void
cs_cli_help(const struct cs_tool *t)
{
	printf(_("Usage: %s [OPTION]... [FILE]...\n"), t->name);
	printf("%s\n", _(t->summary));
	if (count(t->options) > 0) {
		printf("\n%s\n", _("Options:"));
		print_options(t->options, 26);
	}
	printf("\n%s\n", _("Input and output (the same in every cs- tool):"));
	print_options(common_options, 26);
	if (t->details != NULL)
		printf("\n%s\n", _(t->details));
	printf("\n%s\n", _("With no FILE, or when FILE is -, read standard input. Gzip input is\n"
	    "recognised by its content, GBK/GB18030 input by its bytes."));
	printf("%s\n", _("Exit status: 0 all rows used; 1 failure, no output; 2 usage error;\n"
	    "3 output complete but some rows rejected."));
	printf(_("See %s(1) and cs-tools(7).\n"), t->name);
}

/*
 * Parse a whole number option value in [min, max], or exit 2 naming the
 * option and the value.
 */
long long
cs_cli_number(const char *opt, const char *arg, long long min, long long max)
{
	int64_t v;

	if (cs_int_parse(arg, strlen(arg), &v) != 0)
		cs_usage_error(_("--%s %s: invalid number"), opt, cs_quote(arg, strlen(arg)));
	if (v < min)
		cs_usage_error(_("--%s %s: too small (at least %lld)"), opt,
		    cs_quote(arg, strlen(arg)), min);
	if (v > max)
		cs_usage_error(_("--%s %s: too large (at most %lld)"), opt,
		    cs_quote(arg, strlen(arg)), max);
	return v;
}

/*
 * Parse a comma-separated list of names, as in --by agent,reason: the index
 * in names[0..nnames) of each, in order, into out (room for nnames); returns
 * how many. An unknown name or one given twice exits 2, naming the option,
 * the value and, for an unknown one, the names there are.
 */
size_t
cs_cli_list(const char *opt, const char *arg, const char *const *names,
    size_t nnames, int *out)
{
	const char *s = arg;
	size_t n = 0;

	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		size_t d;
		for (d = 0; d < nnames; d++)
			if (strlen(names[d]) == len && memcmp(names[d], s, len) == 0)
				break;
		if (d == nnames) {
			struct cs_buf all = CS_BUF_INIT;
			for (size_t i = 0; i < nnames; i++)
				cs_buf_printf(&all, "%s%s", i > 0 ? ", " : "", names[i]);
			cs_usage_error(_("--%s %s: no field %s (fields: %s)"), opt,
			    cs_quote(arg, strlen(arg)), cs_quote(s, len), all.data);
		}
		for (size_t i = 0; i < n; i++)
			if (out[i] == (int)d)
				cs_usage_error(_("--%s %s: %s twice"), opt,
				    cs_quote(arg, strlen(arg)), names[d]);
		out[n++] = (int)d;
		if (comma == NULL)
			return n;
		s = comma + 1;
	}
}

/* Parse a decimal option value in [min, max], or exit 2. */
double
cs_cli_decimal(const char *opt, const char *arg, double min, double max)
{
	double v;

	if (cs_decimal_parse(arg, strlen(arg), &v) != 0)
		cs_usage_error(_("--%s %s: invalid number"), opt, cs_quote(arg, strlen(arg)));
	if (v < min)
		cs_usage_error(_("--%s %s: too small (at least %g)"), opt,
		    cs_quote(arg, strlen(arg)), min);
	if (v > max)
		cs_usage_error(_("--%s %s: too large (at most %g)"), opt,
		    cs_quote(arg, strlen(arg)), max);
	return v;
}

static unsigned char
parse_delimiter(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		return '\t';
	if (strlen(s) == 1 && s[0] != '"' && s[0] != '\n' && s[0] != '\r' &&
	    (unsigned char)s[0] < 0x80)
		return (unsigned char)s[0];
	cs_usage_error(_("--delimiter %s: must be one character, or 'tab'"),
	    cs_quote(s, strlen(s)));
}

static void
common_option(const struct cs_tool *t, int key, const char *arg,
    struct cs_common *c)
{
	switch (key) {
	case 'o':
		c->output = arg;
		break;
	case 'f':
		if (cs_format_parse(arg, &c->format) != 0)
			cs_usage_error(_("--format %s: must be csv, tsv or text"),
			    cs_quote(arg, strlen(arg)));
		break;
	case 'm':
		if (cs_fields_add_map(arg) != 0)
			cs_usage_error(_("--map %s: must be FIELD=HEADER"),
			    cs_quote(arg, strlen(arg)));
		break;
	case 'd':
		c->in.delim = parse_delimiter(arg);
		break;
	case OPT_ENCODING:
		if (cs_encoding_parse(arg, &c->in.encoding) != 0)
			cs_usage_error(_("--encoding %s: must be auto, utf-8 or gb18030"),
			    cs_quote(arg, strlen(arg)));
		break;
	case OPT_BOM:
		c->bom = true;
		break;
	case OPT_STRICT:
		c->strict = true;
		break;
	case OPT_REJECTS:
		c->rejects = arg;
		break;
	case 'q':
		c->quiet = true;
		break;
	case 'h':
		cs_cli_help(t);
		if (fflush(stdout) != 0 || ferror(stdout))
			cs_die(_("write error: %s"), strerror(errno));
		exit(CS_EXIT_OK);
	case 'V':
		printf("%s (%s) %s\n", t->name, PACKAGE_NAME, PACKAGE_VERSION);
		if (fflush(stdout) != 0 || ferror(stdout))
			cs_die(_("write error: %s"), strerror(errno));
		exit(CS_EXIT_OK);
	default:
		break;
	}
}

static bool
is_common(int key)
{
	for (size_t i = 0; common_options[i].name != NULL; i++)
		if (common_options[i].key == key)
			return true;
	return false;
}

static bool
is_key(const struct cs_option *const *all, int key)
{
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; all[k] != NULL && all[k][i].name != NULL; i++)
			if (all[k][i].key == key)
				return true;
	return false;
}

/*
 * Parse argv: common options into c, tool options through t->handle.
 * Returns the index of the first FILE operand. Exits 2 on a usage error,
 * 0 after --help or --version.
 */
int
cs_cli_parse(const struct cs_tool *t, int argc, char **argv,
    struct cs_common *c)
{
	size_t nt = count(t->options), nc = count(common_options);
	struct option *longs = cs_xcalloc(nt + nc + 1, sizeof *longs);
	struct cs_buf shorts = CS_BUF_INIT;
	const struct cs_option *all[2] = { t->options, common_options };
	size_t n = 0;
	int key;

	cs_diag_init(t->name);
	memset(c, 0, sizeof *c);
	c->format = CS_FORMAT_CSV;
	c->in.delim = ',';
	/* ':' first: a missing argument is reported as ':', so that the
	 * message is ours, in our format. */
	cs_buf_addc(&shorts, ':');
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; all[k] != NULL && all[k][i].name != NULL; i++) {
			const struct cs_option *o = &all[k][i];
			longs[n].name = o->name;
			longs[n].has_arg = o->has_arg ? required_argument : no_argument;
			longs[n].flag = NULL;
			longs[n].val = o->key;
			n++;
			if (o->key < 256) {
				cs_buf_addc(&shorts, o->key);
				if (o->has_arg)
					cs_buf_addc(&shorts, ':');
			}
		}
	}
	opterr = 0;
	while ((key = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		const char *bad = argv[optind - 1];
		if (key == ':') {
			if (strncmp(bad, "--", 2) == 0)
				cs_usage_error(_("option '%s' requires an argument"), bad);
			cs_usage_error(_("option requires an argument -- '%c'"), optopt);
		}
		if (key == '?') {
			/* optopt is a known key only for a long option given
			 * an argument; an unknown letter may sit inside a
			 * group ("-xq"), where bad is the argument before. */
			if (optopt != 0 && is_key(all, optopt))
				cs_usage_error(_("option '%s' doesn't allow an argument"),
				    bad);
			if (optopt != 0)
				cs_usage_error(_("invalid option -- '%c'"), optopt);
			cs_usage_error(_("unrecognized option '%s'"), bad);
		}
		if (is_common(key))
			common_option(t, key, optarg, c);
		else
			t->handle(key, optarg);
	}
	free(longs);
	cs_buf_free(&shorts);

	const char *unknown = cs_fields_check_map();
	if (unknown != NULL)
		cs_usage_error(_("--map: no field '%s' (see cs-tools(7) for the field names)"),
		    unknown);
	cs_diag_set_quiet(c->quiet);
	cs_diag_set_strict(c->strict);
	return optind;
}

/* Open the report output (-o or stdout) and the --rejects file. */
struct cs_sink *
cs_cli_open_output(const struct cs_common *c)
{
	struct cs_sink *s = cs_sink_open(c->output);

	if (c->rejects != NULL)
		cs_rejects_open(c->rejects);
	return s;
}

/*
 * Commit the report (rename into place, or flush standard output) and
 * return the exit status: 0, or 3 when rows were rejected. Fatal if the
 * report cannot be written.
 */
int
cs_cli_finish(struct cs_sink *out)
{
	char *name = cs_xstrdup(cs_sink_name(out));

	if (cs_sink_commit(out) != 0) {
		if (strcmp(name, "-") == 0)
			cs_die(_("write error: %s"), cs_sink_strerror());
		cs_die(_("%s: write error: %s"), name, cs_sink_strerror());
	}
	free(name);
	return cs_diag_finish();
}
