/*
 * The command line every tool shares.
 *
 * A tool describes itself once, in a struct cs_tool with one option table
 * (name, letter, argument, help): the getopt string, the long option array
 * and --help are all built from it and from the common table here, so the
 * three cannot disagree. cs_cli_parse handles the common options itself
 * (-o -f -m -d --encoding --bom --strict --rejects -q -h -V) and passes each
 * tool option to the tool's handler in command-line order.
 *
 * Option values are checked strictly: cs_cli_number and cs_cli_decimal say
 * "cs-lost: --top abc: invalid" (or too small, too large) and exit 2 with
 * the hint to --help.
 */
#ifndef CS_CLI_H
#define CS_CLI_H

#include <stdbool.h>

#include "reader.h"
#include "sink.h"
#include "writer.h"

/* Long-only tool options use keys from here up (below are letters and the
 * common long-only options). */
#define CS_OPT_TOOL	300

struct cs_option {
	const char	*name;		/* long name, without "--" */
	int		 key;		/* short letter, or >= CS_OPT_TOOL */
	bool		 has_arg;
	const char	*arg;		/* the argument's name in --help */
	const char	*help;		/* N_() text; '\n' starts a new line */
};

struct cs_tool {
	const char		*name;		/* "cs-lost" */
	const char		*summary;	/* N_() what the tool does */
	const char		*details;	/* N_() text after the options, or NULL */
	const struct cs_option	*options;	/* ends with a NULL name */
	void			(*handle)(int, const char *);
};

struct cs_common {
	const char		*output;	/* -o, NULL for stdout */
	enum cs_format		 format;
	struct cs_reader_opts	 in;
	bool			 bom;
	bool			 strict;
	bool			 quiet;
	const char		*rejects;
};

int	 cs_cli_parse(const struct cs_tool *, int, char **, struct cs_common *);
long long cs_cli_number(const char *, const char *, long long, long long);
double	 cs_cli_decimal(const char *, const char *, double, double);
size_t	 cs_cli_list(const char *, const char *, const char *const *, size_t,
	    int *);
void	 cs_cli_help(const struct cs_tool *);
struct cs_sink *cs_cli_open_output(const struct cs_common *);
int	 cs_cli_finish(struct cs_sink *);

#endif
