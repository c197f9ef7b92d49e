/*
 * segment-floor: the parse-only floor cs-segment is measured against.
 *
 *	segment-floor [FILE]
 *
 * Reads FILE (or standard input) in 64 KiB blocks through libcsv with
 * callbacks that only count fields and rows, and prints the counts: what
 * any CSV tool over libcsv must at least spend. Nothing is copied, decoded
 * or checked. Options as a minimal libcsv program sets them: CSV_STRICT
 * off (it would refuse the bare ="..." of Taobao ids), the default space
 * function, the block size raised to 64 KiB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

static unsigned long long nfields, nrows;

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	nfields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	(void)data;
	nrows++;
}

int
main(int argc, char **argv)
{
	static char buf[64 * 1024];
	struct csv_parser p;
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
	size_t n;

	if (f == NULL) {
		perror(argv[1]);
		return 1;
	}
	if (csv_init(&p, 0) != 0)
		return 1;
	csv_set_blk_size(&p, 64 * 1024);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "segment-floor: %s\n",
			    csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	printf("%llu rows, %llu fields\n", nrows, nfields);
	return ferror(f) ? 1 : 0;
}
