/*
 * floor: the parse-only libcsv loop, the speed limit of every cs- tool.
 *
 * Reads a file in 64 KiB chunks through libcsv in strict mode with
 * callbacks that only count fields and rows, and prints the counts. A
 * tool's time divided by this one's is its overhead over parsing.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long fields, rows;

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	fields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	(void)data;
	rows++;
}

int
main(int argc, char **argv)
{
	static char buf[64 * 1024];
	struct csv_parser p;
	ssize_t n;
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;

	if (fd < 0 || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 1;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, on_field, on_row, NULL) != (size_t)n)
			return 1;
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	printf("%lu rows, %lu fields\n", rows, fields);
	return 0;
}
