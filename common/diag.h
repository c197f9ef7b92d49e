/*
 * Diagnostics and the exit status, the same in every tool.
 *
 * Messages go to stderr as "cs-lost: file:line: what is wrong", lower case,
 * no final period, user data quoted with cs_quote. Exit statuses:
 *   0  every row used, the output is complete
 *   1  failure, no complete output (cs_die)
 *   2  usage error (cs_usage_error)
 *   3  the output is complete but rows were rejected (cs_reject)
 * A rejected row is named on stderr (the first CS_REJECTS_SHOWN of them),
 * written to the --rejects file as read, and counted; under --strict the
 * first one is fatal instead.
 *
 * Fatal paths run the registered cleanups (cs_diag_on_fatal) first, so an
 * output being written atomically is removed, never left half done.
 */
#ifndef CS_DIAG_H
#define CS_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdnoreturn.h>

#define CS_EXIT_OK	0
#define CS_EXIT_FAIL	1
#define CS_EXIT_USAGE	2
#define CS_EXIT_REJECTS	3

#define CS_REJECTS_SHOWN	20

void	 cs_diag_init(const char *);
const char *cs_diag_progname(void);
void	 cs_diag_set_quiet(bool);
void	 cs_diag_set_strict(bool);
bool	 cs_diag_quiet(void);
void	 cs_diag_on_fatal(void (*)(void));

void	 cs_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 cs_warn_at(const char *, long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
noreturn void cs_die(const char *, ...) __attribute__((format(printf, 1, 2)));
noreturn void cs_die_at(const char *, long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
noreturn void cs_usage_error(const char *, ...)
	    __attribute__((format(printf, 1, 2)));
noreturn void cs_exit(int);

void	 cs_rejects_open(const char *);
void	 cs_reject(const char *, long, const char *, size_t, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
unsigned long cs_rejects_count(void);
int	 cs_diag_finish(void);

const char *cs_quote(const char *, size_t);

#endif
