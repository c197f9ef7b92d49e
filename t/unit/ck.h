/*
 * Shared main() for the Check suites: runs the suite (each test forked, so
 * a crash is a failure, not the end of the run) and prints one line,
 * "NAME: N passed, M failed", which t/run adds up.
 */
#ifndef CS_CK_H
#define CS_CK_H

#include "config.h"

#include <check.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
