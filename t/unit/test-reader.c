/*
 * The CSV reader, table-driven: each case is an input file and what the
 * reader must make of it (the header and rows with their line numbers,
 * the messages, the exit status), read in a child process so that rejects
 * and fatal errors count for that case alone. Then the big inputs, the
 * column mask, the rejects file, and a round-trip property: random fields
 * written with cs_csv_quote read back equal.
 */
#include "config.h"

#include <stdint.h>
#include <zlib.h>

#include "buf.h"
#include "ck.h"
#include "diag.h"
#include "map.h"
#include "reader.h"
#include "writer.h"

/* How a case is read. */
struct job {
	const char	*path;
	unsigned char	 delim;
	enum cs_encoding enc;
	const int	*want;
	size_t		 nwant;
	bool		 raw;		/* print each row's raw record too */
	bool		 reject_all;	/* reject every row as the tool would */
	bool		 summary;	/* lengths and hashes, not the text */
	const char	*rejects;	/* --rejects file, or NULL */
};

/* Bytes made visible: \n \r \t \0 \\ and | (the field separator). */
static void
put_escaped(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		case '\0':
			fputs("\\0", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '|':
			fputs("\\|", stdout);
			break;
		default:
			putchar(s[i]);
		}
	}
}

/* A field as the summary mode shows it: its length and a hash. */
static void
field_summary(struct cs_buf *b, const char *s, size_t n)
{
	cs_buf_printf(b, "%zu/%016llx", n, (unsigned long long)cs_hash(s, n));
}

static void
put_row(const char *tag, const struct cs_row *row, bool summary)
{
	struct cs_buf b = CS_BUF_INIT;

	printf("%s%ld:", tag, row->line);
	for (size_t i = 0; i < row->n; i++) {
		if (i > 0)
			putchar('|');
		if (row->v[i][row->len[i]] != '\0')
			ck_abort_msg("line %ld, field %zu: no NUL", row->line, i);
		if (summary) {
			cs_buf_reset(&b);
			field_summary(&b, row->v[i], row->len[i]);
			fputs(b.data, stdout);
		} else
			put_escaped(row->v[i], row->len[i]);
	}
	putchar('\n');
	cs_buf_free(&b);
}

/* The child: read everything, print it, exit as a tool would. */
static void
read_job(void *arg)
{
	const struct job *j = arg;
	struct cs_reader_opts o = { j->enc, j->delim };
	const struct cs_row *row;
	struct cs_reader *r;

	if (j->rejects != NULL)
		cs_rejects_open(j->rejects);
	r = cs_reader_open(j->path, &o);
	put_row("H", cs_reader_header(r), j->summary);
	if (j->want != NULL)
		cs_reader_want_columns(r, j->want, j->nwant);
	while ((row = cs_reader_next(r)) != NULL) {
		put_row("", row, j->summary);
		if (j->raw) {
			const char *raw;
			size_t n;
			cs_reader_raw(r, &raw, &n);
			fputs("  raw=", stdout);
			put_escaped(raw, n);
			putchar('\n');
		}
		if (j->reject_all)
			cs_reader_reject(r, "field %s is bad",
			    cs_quote(row->v[0], row->len[0]));
	}
	cs_reader_close(r);
	fflush(stdout);
	exit(cs_diag_finish());
}

struct result {
	int	 status;
	char	*out;
	char	*err;		/* the file's path replaced by F */
};

static struct result
run_job(struct job *j)
{
	struct result res;
	char *err;

	res.status = ck_run(read_job, j, &res.out, &err);
	res.err = ck_subst(err, j->path, "F");
	free(err);
	return res;
}

static struct result
read_bytes(const char *data, size_t n, struct job *j)
{
	char path[64];
	struct result res;

	snprintf(path, sizeof path, "%s", ck_temp_file(data, n));
	j->path = path;
	res = run_job(j);
	unlink(path);
	j->path = NULL;
	return res;
}

static struct result
read_str(const char *data, struct job *j)
{
	return read_bytes(data, strlen(data), j);
}

static void
free_result(struct result *res)
{
	free(res->out);
	free(res->err);
}

struct read_case {
	const char	*name;
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*out;
	const char	*err;
	int		 status;
};

#define MALFORMED "malformed CSV: a quote inside an unquoted field or after a closing quote"
#define UNCLOSED "malformed CSV: a quoted field is not closed before the end of the input"

static const struct read_case cases[] = {
	{ "quoted comma", "a,b\n\"x,y\",z\n", 0,
	    "H1:a|b\n2:x,y|z\n", "", 0 },
	{ "quoted newline: the record's line is where it starts",
	    "a,b\n\"x\ny\",z\n3,4\n\"1\n\n2\",\"\n\"\n5,6\n", 0,
	    "H1:a|b\n2:x\\ny|z\n4:3|4\n5:1\\n\\n2|\n9:5|6\n", "", 0 },
	{ "quoted CRLF inside a field", "a,b\r\n\"x\r\ny\",z\r\n3,4\r\n", 0,
	    "H1:a|b\n2:x\\r\\ny|z\n4:3|4\n", "", 0 },
	{ "doubled quote", "a,b\n\"say \"\"hi\"\"\",2\n\"\"\"\",\"\"\n", 0,
	    "H1:a|b\n2:say \"hi\"|2\n3:\"|\n", "", 0 },
	{ "CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", 0,
	    "H1:a|b\n2:1|2\n3:3|4\n", "", 0 },
	{ "BOM dropped", "\xEF\xBB\xBF" "a,b\n1,2\n", 0,
	    "H1:a|b\n2:1|2\n", "", 0 },
	{ "blank lines, before the header too",
	    "\n\na,b\n\n1,2\n\n\n3,4\n\n", 0,
	    "H3:a|b\n5:1|2\n8:3|4\n", "", 0 },
	{ "blank CRLF lines", "a,b\r\n\r\n1,2\r\n\r\n", 0,
	    "H1:a|b\n3:1|2\n", "", 0 },
	{ "rows of empty fields",
	    "a,b\n,\n1,2\n , \n\"\",\"\"\n\t,\t\n5,6\n", 0,
	    "H1:a|b\n3:1|2\n7:5|6\n", "", 0 },
	{ "a repeated header (files joined with cat)",
	    "a,b\n1,2\na,b\n3,4\n a , b \n\"a\",\"b\"\n5,6\n", 0,
	    "H1:a|b\n2:1|2\n4:3|4\n7:5|6\n", "", 0 },
	{ "a repeated header with its BOM (two Excel files joined)",
	    "\xEF\xBB\xBF" "a,b\n1,2\n\xEF\xBB\xBF" "a,b\n3,4\n", 0,
	    "H1:a|b\n2:1|2\n4:3|4\n", "", 0 },
	{ "=\"123\" bare",
	    "id,n\n=\"123\",x\n=\"0012\",y\n1,=\"5121910154426014049\"\n"
	    "=\"\",z\n=\"a,b\",w\n", 0,
	    "H1:id|n\n2:123|x\n3:0012|y\n4:1|5121910154426014049\n5:|z\n"
	    "6:a,b|w\n", "", 0 },
	{ "=\"123\" quoted", "id,n\n\"=\"\"123\"\"\",x\n", 0,
	    "H1:id|n\n2:123|x\n", "", 0 },
	{ "=\"...\" after blanks, and after long quoted fields",
	    "id,n,m\n  =\"1\",\"aaaaaaaaaaaa\",=\"2\"\n"
	    "\"bb\"\"cc\"\"dd, ee\",\t=\"3\",\"=\"\"4\"\"\"\n", 0,
	    "H1:id|n|m\n2:1|aaaaaaaaaaaa|2\n3:bb\"cc\"dd, ee|3|4\n", "", 0 },
	{ "= inside quotes stays",
	    "id,n\n\"x=\"\"1\"\"\",=\"2\"\n\"a,=\"\"b\"\"\",c\n", 0,
	    "H1:id|n\n2:x=\"1\"|2\n3:a,=\"b\"|c\n", "", 0 },
	{ "=\"...\" after a bare CR, which ends a record too",
	    "id,n\r=\"7\",x\n", 0, "H1:id|n\n1:7|x\n", "", 0 },
	{ "=\"...\" on the line after a quoted newline",
	    "a,b\n\"x\ny=\",=\"5\"\n", 0,
	    "H1:a|b\n2:x\\ny=|5\n", "", 0 },
	{ "= not before a quote stays", "id,n\n=1+2,x\na=\"1\",y\n", 0,
	    "H1:id|n\n2:=1+2|x\n", "test-reader: F:3: " MALFORMED "\n"
	    "test-reader: 1 row rejected\n", 3 },
	{ "leading apostrophe before a digit or +",
	    "phone,n\n'13800138000,x\n'+8613800138000,y\n'abc,z\n"
	    "O'Brien,w\n'',v\n", 0,
	    "H1:phone|n\n2:13800138000|x\n3:+8613800138000|y\n4:'abc|z\n"
	    "5:O'Brien|w\n6:''|v\n", "", 0 },
	{ "trailing tab, and a field of only a tab",
	    "phone,n\n13800138000\t,x\n\t,y\n", 0,
	    "H1:phone|n\n2:13800138000|x\n3:|y\n", "", 0 },
	{ "spaces around fields and headers",
	    "订单编号 , 买家会员名\n 1 ,\" 2 \"\n", 0,
	    "H1:订单编号|买家会员名\n2:1|2\n", "", 0 },
	{ "ragged rows rejected, trailing empty fields allowed",
	    "a,b,c\n1,2\n1,2,3\n1,2,3,,\n1,2,3,4\n4,5,6,\"\"\n1,2,3,, \n", 0,
	    "H1:a|b|c\n3:1|2|3\n4:1|2|3\n6:4|5|6\n7:1|2|3\n",
	    "test-reader: F:2: 2 fields, but the header has 3\n"
	    "test-reader: F:5: 4 fields, but the header has 3\n"
	    "test-reader: 2 rows rejected\n", 3 },
	{ "a stray quote: rejected, reading goes on at the next line",
	    "a,b\n1,x\"y\n2,3\n\"ab\"c,d\n4,5\n", 0,
	    "H1:a|b\n3:2|3\n5:4|5\n",
	    "test-reader: F:2: " MALFORMED "\n"
	    "test-reader: F:4: " MALFORMED "\n"
	    "test-reader: 2 rows rejected\n", 3 },
	{ "a stray quote in a record of several lines",
	    "a,b\n\"x\ny\"z,1\n2,3\n", 0,
	    "H1:a|b\n4:2|3\n",
	    "test-reader: F:2: " MALFORMED "\n"
	    "test-reader: 1 row rejected\n", 3 },
	{ "a quote left open at the end",
	    "a,b\n1,2\n3,\"open\n4,5\n", 0,
	    "H1:a|b\n2:1|2\n",
	    "test-reader: F:3: " UNCLOSED "\n"
	    "test-reader: 1 row rejected\n", 3 },
	{ "a quote left open, no final newline", "a,b\n1,\"x", 0,
	    "H1:a|b\n",
	    "test-reader: F:2: " UNCLOSED "\n"
	    "test-reader: 1 row rejected\n", 3 },
	{ "last line without newline", "a,b\n1,2", 0,
	    "H1:a|b\n2:1|2\n", "", 0 },
	{ "last line quoted, without newline", "a,b\n1,\"2\"", 0,
	    "H1:a|b\n2:1|2\n", "", 0 },
	{ "last record of two lines, without newline", "a,b\n1,\"x\ny\"", 0,
	    "H1:a|b\n2:1|x\\ny\n", "", 0 },
	{ "last line ends in CR", "a,b\n1,2\r", 0,
	    "H1:a|b\n2:1|2\n", "", 0 },
	{ "header without newline", "a,b", 0, "H1:a|b\n", "", 0 },
	{ "header only", "a,b\n", 0, "H1:a|b\n", "", 0 },
	{ "NUL bytes are kept", "a,b\nx\0y,z\n\0,\"\0\"\n", 16,
	    "H1:a|b\n2:x\\0y|z\n3:\\0|\\0\n", "", 0 },
	{ "empty input", "", 0, "H0:\n", "", 0 },
	{ "only blank lines", "\n\r\n  \n,,\n", 0, "H0:\n", "", 0 },
};

START_TEST(test_cases)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct read_case *c = &cases[i];
		struct job j = { 0 };
		struct result res = read_bytes(c->in,
		    c->len ? c->len : strlen(c->in), &j);

		ck_assert_msg(strcmp(res.out, c->out) == 0,
		    "%s: rows\n%s\nexpected\n%s", c->name, res.out, c->out);
		ck_assert_msg(strcmp(res.err, c->err) == 0,
		    "%s: stderr\n%s\nexpected\n%s", c->name, res.err, c->err);
		ck_assert_msg(res.status == c->status, "%s: status %d", c->name,
		    res.status);
		free_result(&res);
	}
}
END_TEST

START_TEST(test_delimiters)
{
	struct job j = { 0 };
	struct result res;

	j.delim = '\t';
	res = read_str("a\tb\n1,5\t2\n=\"007\"\t\"x\ty\"\n", &j);
	ck_assert_str_eq(res.out, "H1:a|b\n2:1,5|2\n3:007|x\\ty\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
	j.delim = ';';
	res = read_str("a;b\n1,5;\"2;3\"\n", &j);
	ck_assert_str_eq(res.out, "H1:a|b\n2:1,5|2;3\n");
	free_result(&res);
	j.delim = '|';
	res = read_str("a|b\nx|y\n", &j);
	ck_assert_str_eq(res.out, "H1:a|b\n2:x|y\n");
	free_result(&res);
	/* With another delimiter a comma is text. */
	res = read_str("a,b\n1,2\n", &j);
	ck_assert_str_eq(res.out, "H1:a,b\n2:1,2\n");
	free_result(&res);
}
END_TEST

/* GBK input arrives as UTF-8. */
START_TEST(test_gbk)
{
	static const char in[] = "\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5,"
	    "\xBF\xCD\xB7\xFE\n=\"2547812345678901\",\xD5\xC5\xC8\xFD\n";
	struct job j = { 0 };
	struct result res = read_bytes(in, sizeof in - 1, &j);

	ck_assert_str_eq(res.out, "H1:订单编号|客服\n2:2547812345678901|张三\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
}
END_TEST

/*
 * GB18030 with a delimiter below 0x40 is split as it is and only the values
 * read are decoded: the raw record is decoded when asked for, and bytes
 * replaced in a column not read are not counted. With '|', which can be
 * the second byte of a character (亅 is 81 7C), the input is decoded first.
 */
START_TEST(test_gbk_kept)
{
	static const char in1[] = "\xB6\xA9\xB5\xA5,\xBF\xCD\xB7\xFE\n"
	    "1,\xD5\xC5\xC8\xFD\n";
	static const char in2[] = "\xB6\xA9\xB5\xA5,\xBF\xCD\xB7\xFE,x\n"
	    "1,\xFF,\xFE\xFF\n";
	static const char in3[] = "\xC3\xFB|\xBF\xCD\xB7\xFE\n"
	    "\x81\x7C|\xD5\xC5\xC8\xFD\n";
	static const int cols[] = { 0, 1 };
	struct job j = { 0 };
	struct result res;

	j.raw = true;
	res = read_bytes(in1, sizeof in1 - 1, &j);
	ck_assert_str_eq(res.out, "H1:订单|客服\n2:1|张三\n  raw=1,张三\\n\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);

	j.raw = false;
	j.enc = CS_ENC_GB18030;
	j.want = cols;
	j.nwant = 2;
	res = read_bytes(in2, sizeof in2 - 1, &j);
	ck_assert_str_eq(res.out, "H1:订单|客服|x\n2:1|\xEF\xBF\xBD|\n");
	ck_assert_str_eq(res.err, "test-reader: F: 1 invalid byte sequences "
	    "replaced by U+FFFD (is --encoding right?)\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);

	j.want = NULL;
	j.delim = '|';
	res = read_bytes(in3, sizeof in3 - 1, &j);
	ck_assert_str_eq(res.out, "H1:名|客服\n2:亅|张三\n");
	ck_assert_str_eq(res.err, "");
	free_result(&res);
}
END_TEST

/* Bytes replaced while decoding are reported when the input closes. */
START_TEST(test_replaced_warning)
{
	static const char in[] = "\xB6\xA9,b\n\xFF,2\n";
	struct job j = { 0 };
	struct result res = read_bytes(in, sizeof in - 1, &j);

	ck_assert_str_eq(res.out, "H1:订|b\n2:\xEF\xBF\xBD|2\n");
	ck_assert_str_eq(res.err, "test-reader: F: 1 invalid byte sequences "
	    "replaced by U+FFFD (is --encoding right?)\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
}
END_TEST

/* The record as read, for the rejects file: every line of it. */
START_TEST(test_raw)
{
	static const char in[] = "a,b\n1,2\r\n\"x\ny\",=\"3\"\n\n4,5";
	struct job j = { 0 };
	struct result res;

	j.raw = true;
	res = read_bytes(in, sizeof in - 1, &j);
	ck_assert_str_eq(res.out, "H1:a|b\n2:1|2\n  raw=1,2\\r\\n\n"
	    "3:x\\ny|3\n  raw=\"x\\ny\",=\"3\"\\n\n6:4|5\n  raw=4,5\n");
	free_result(&res);
}
END_TEST

/* Rows rejected by the reader and by the tool, in the rejects file. */
START_TEST(test_rejects_file)
{
	static const char in[] = "a,b\n1\r\n\"x\ny\",2,3\n4,\"5\"z\n6,7\n";
	char rpath[64];
	struct job j = { 0 };
	struct result res;

	snprintf(rpath, sizeof rpath, "%s", ck_temp_file("", 0));
	j.rejects = rpath;
	res = read_bytes(in, sizeof in - 1, &j);
	ck_assert_str_eq(res.out, "H1:a|b\n6:6|7\n");
	ck_assert_str_eq(res.err, "test-reader: F:2: 1 fields, but the header has 2\n"
	    "test-reader: F:3: 3 fields, but the header has 2\n"
	    "test-reader: F:5: " MALFORMED "\n"
	    "test-reader: 3 rows rejected\n");
	ck_assert_int_eq(res.status, 3);
	free_result(&res);

	char *got = ck_read_file(rpath, NULL);
	char *path = strstr(got, "\n") + 1;	/* the data's path, not known here */
	size_t plen = strcspn(path, ",");
	char *fpath = strndup(path, plen);
	char *text = ck_subst(got, fpath, "F");
	ck_assert_str_eq(text, "file,line,reason,record\n"
	    "F,2,\"1 fields, but the header has 2\",1\n"
	    "F,3,\"3 fields, but the header has 2\",\"\"\"x\ny\"\",2,3\"\n"
	    "F,5," MALFORMED ",\"4,\"\"5\"\"z\"\n");
	free(text);
	free(fpath);
	free(got);

	/* A row the tool rejects is named with its line and record. */
	j.reject_all = true;
	res = read_str("a,b\n\"1\n2\",3\n", &j);
	ck_assert_str_eq(res.err, "test-reader: F:2: field \"1\\n2\" is bad\n"
	    "test-reader: 1 row rejected\n");
	got = ck_read_file(rpath, NULL);
	ck_assert_msg(strstr(got, ",2,\"field \"\"1\\n2\"\" is bad\","
	    "\"\"\"1\n2\"\",3\"\n") != NULL, "%s", got);
	free(got);
	free_result(&res);
	unlink(rpath);
}
END_TEST

/* One field of 1 MiB, quoted (with a newline every 1,000 bytes) and one
 * bare; the lines after them keep their numbers. */
START_TEST(test_big_field)
{
	const size_t big = 1024 * 1024;
	struct cs_buf in = CS_BUF_INIT, f1 = CS_BUF_INIT, f2 = CS_BUF_INIT,
	    want = CS_BUF_INIT;
	struct job j = { 0 };
	struct result res;
	long nl = 0;

	for (size_t i = 0; i < big; i++) {
		char c = i % 1000 == 999 ? '\n' : 'a' + i % 26;
		cs_buf_addc(&f1, c);
		nl += c == '\n';
		cs_buf_addc(&f2, 'A' + i % 26);
	}
	cs_buf_adds(&in, "a,b\n1,\"");
	cs_buf_add(&in, f1.data, f1.len);
	cs_buf_adds(&in, "\"\n");
	cs_buf_add(&in, f2.data, f2.len);
	cs_buf_adds(&in, ",2\n3,4\n");
	cs_buf_adds(&want, "H1:");
	field_summary(&want, "a", 1);
	cs_buf_addc(&want, '|');
	field_summary(&want, "b", 1);
	cs_buf_adds(&want, "\n2:");
	field_summary(&want, "1", 1);
	cs_buf_addc(&want, '|');
	field_summary(&want, f1.data, f1.len);
	cs_buf_printf(&want, "\n%ld:", 3 + nl);
	field_summary(&want, f2.data, f2.len);
	cs_buf_addc(&want, '|');
	field_summary(&want, "2", 1);
	cs_buf_printf(&want, "\n%ld:", 4 + nl);
	field_summary(&want, "3", 1);
	cs_buf_addc(&want, '|');
	field_summary(&want, "4", 1);
	cs_buf_addc(&want, '\n');
	j.summary = true;
	res = read_bytes(in.data, in.len, &j);
	ck_assert_str_eq(res.out, want.data);
	ck_assert_str_eq(res.err, "");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
	cs_buf_free(&in);
	cs_buf_free(&f1);
	cs_buf_free(&f2);
	cs_buf_free(&want);
}
END_TEST

/*
 * Lines longer than 64 KiB reach libcsv in pieces. Whatever falls on a
 * piece boundary (the reader's 64 KiB buffer: file offsets 65536, 131072
 * here), the fields come out whole: a doubled quote split in two, a
 * closing quote that ends one, a ="..." split after its quote.
 */
START_TEST(test_long_lines)
{
	static const struct {
		const char	*before, *after;	/* around offset 65536 */
		const char	*f1, *f2;		/* fields 1 and 2 */
	} splits[] = {
		{ ",\"p\"", "\"q\",z\n", "p\"q", "z" },
		{ ",\"p\"", ",=\"7\"\n", "p", "7" },
		{ ",\"p", "\",=\"7\"\n", "p", "7" },
		{ ",", "=\"8\",z\n", "8", "z" },
		{ ",=\"", "9\",z\n", "9", "z" },
	};

	for (size_t i = 0; i < sizeof splits / sizeof splits[0]; i++) {
		struct cs_buf in = CS_BUF_INIT, f0 = CS_BUF_INIT,
		    want = CS_BUF_INIT;
		struct job j = { 0 };
		struct result res;

		cs_buf_adds(&in, "a,b,c\n");
		while (in.len + strlen(splits[i].before) < 65536) {
			cs_buf_addc(&in, 'x');
			cs_buf_addc(&f0, 'x');
		}
		cs_buf_adds(&in, splits[i].before);
		ck_assert_uint_eq(in.len, 65536);
		cs_buf_adds(&in, splits[i].after);
		/* A second long line, bare, then a short one. */
		for (int k = 0; k < 100000; k++)
			cs_buf_addc(&in, 'y');
		cs_buf_adds(&in, ",2,3\n4,5,6\n");
		cs_buf_adds(&want, "H1:");
		field_summary(&want, "a", 1);
		cs_buf_addc(&want, '|');
		field_summary(&want, "b", 1);
		cs_buf_addc(&want, '|');
		field_summary(&want, "c", 1);
		cs_buf_adds(&want, "\n2:");
		field_summary(&want, f0.data, f0.len);
		cs_buf_addc(&want, '|');
		field_summary(&want, splits[i].f1, strlen(splits[i].f1));
		cs_buf_addc(&want, '|');
		field_summary(&want, splits[i].f2, strlen(splits[i].f2));
		cs_buf_adds(&want, "\n3:");
		cs_buf_free(&f0);
		for (int k = 0; k < 100000; k++)
			cs_buf_addc(&f0, 'y');
		field_summary(&want, f0.data, f0.len);
		cs_buf_addc(&want, '|');
		field_summary(&want, "2", 1);
		cs_buf_addc(&want, '|');
		field_summary(&want, "3", 1);
		cs_buf_adds(&want, "\n4:");
		field_summary(&want, "4", 1);
		cs_buf_addc(&want, '|');
		field_summary(&want, "5", 1);
		cs_buf_addc(&want, '|');
		field_summary(&want, "6", 1);
		cs_buf_addc(&want, '\n');
		j.summary = true;
		res = read_bytes(in.data, in.len, &j);
		ck_assert_msg(strcmp(res.err, "") == 0, "split %zu: %s", i,
		    res.err);
		ck_assert_msg(strcmp(res.out, want.data) == 0,
		    "split %zu:\n%s\nexpected\n%s", i, res.out, want.data);
		ck_assert_int_eq(res.status, 0);
		free_result(&res);
		cs_buf_free(&in);
		cs_buf_free(&f0);
		cs_buf_free(&want);
	}
}
END_TEST

/* A quote left open swallows lines until its field passes 64 MiB: the
 * record is rejected there, and reading goes on at the next line. */
/*
 * A line longer than half the input buffer that breaks the parser early:
 * its record goes to the rejects file whole, not cut where the parser
 * stopped; a row before it on the same line (a bare CR) keeps its number.
 */
START_TEST(test_long_broken_line)
{
	struct cs_buf in = CS_BUF_INIT;
	char rpath[64];
	struct job j = { 0 };
	struct result res;

	cs_buf_adds(&in, "a,b\n0,1\r1,x\"y");
	for (int k = 0; k < 100000; k++)
		cs_buf_addc(&in, 'z');
	cs_buf_adds(&in, "\n2,3\n");
	snprintf(rpath, sizeof rpath, "%s", ck_temp_file("", 0));
	j.rejects = rpath;
	res = read_bytes(in.data, in.len, &j);
	ck_assert_str_eq(res.out, "H1:a|b\n2:0|1\n3:2|3\n");
	ck_assert_str_eq(res.err, "test-reader: F:2: " MALFORMED "\n"
	    "test-reader: 1 row rejected\n");
	ck_assert_int_eq(res.status, 3);
	free_result(&res);

	char *got = ck_read_file(rpath, NULL);
	const char *rec = strstr(got, ",\"0,1\r1,x\"\"y");
	ck_assert_ptr_nonnull(rec);
	rec += strlen(",\"0,1\r1,x\"\"y");
	ck_assert_uint_eq(strspn(rec, "z"), 100000);
	ck_assert_str_eq(rec + 100000, "\"\n");	/* the line end is not kept */
	free(got);
	unlink(rpath);
	cs_buf_free(&in);
}
END_TEST

START_TEST(test_runaway_field)
{
	struct cs_buf in = CS_BUF_INIT;
	struct job j = { 0 };
	struct result res;
	char line[1001];
	long nlines;

	memset(line, 'r', 999);
	line[499] = ',';
	line[999] = '\n';
	line[1000] = '\0';
	cs_buf_adds(&in, "a,b\n1,\"open\n");
	for (nlines = 0; in.len < (size_t)70 * 1024 * 1024; nlines++)
		cs_buf_add(&in, line, 1000);
	res = read_bytes(in.data, in.len, &j);
	ck_assert_int_eq(res.status, 3);
	ck_assert_str_eq(res.err, "test-reader: F:2: malformed CSV: a field "
	    "longer than 64 MiB (a quote left open?)\n"
	    "test-reader: 1 row rejected\n");
	/* The rows after the runaway field: consecutive, to the last line. */
	char *p = res.out, *eol;
	long first = -1, prev = -1, n = 0;
	ck_assert(strncmp(p, "H1:a|b\n", 7) == 0);
	for (p += 7; (eol = strchr(p, '\n')) != NULL; p = eol + 1, n++) {
		long ln = strtol(p, NULL, 10);
		if (first < 0)
			first = ln;
		else if (ln != prev + 1)
			ck_abort_msg("line %ld after %ld", ln, prev);
		prev = ln;
	}
	ck_assert_int_eq(prev, 2 + nlines);
	ck_assert_int_gt(first, 2 + 64 * 1024 * 1024 / 1000 - 100);
	ck_assert_int_lt(first, 2 + 64 * 1024 * 1024 / 1000 + 100);
	free_result(&res);
	cs_buf_free(&in);
}
END_TEST

/* Only the columns a tool uses are copied; the others read as empty. */
START_TEST(test_want_columns)
{
	static const int cols[] = { 2, -1, 0, 7 };
	struct job j = { 0 };
	struct result res;

	j.want = cols;
	j.nwant = 4;
	res = read_str("a,b,c\n1,2,3\n1,2,3,,\n4,5\na,Z,c\n7,8,9\n", &j);
	/* "a,Z,c" differs from the header only in a column not read: it is
	 * taken for a repeated header. */
	ck_assert_str_eq(res.out, "H1:a|b|c\n2:1||3\n3:1||3\n6:7||9\n");
	ck_assert_str_eq(res.err, "test-reader: F:4: 2 fields, but the header has 3\n"
	    "test-reader: 1 row rejected\n");
	ck_assert_int_eq(res.status, 3);
	free_result(&res);
}
END_TEST

/* A row whose only value is in a column not read is still a row. */
START_TEST(test_want_columns_empty)
{
	static const int cols[] = { 0, 2 };
	struct job j = { 0 };
	struct result res;

	j.want = cols;
	j.nwant = 2;
	res = read_str("a,b,c\n,x,\n, ,\n1,,3\n", &j);
	ck_assert_str_eq(res.out, "H1:a|b|c\n2:||\n4:1||3\n");
	ck_assert_str_eq(res.err, "");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
}
END_TEST

/*
 * UTF-8 that is not: counted in the values read, not in the columns left
 * unread, and warned of at the end. Each case below counts as the comment
 * says: 6 in all.
 */
START_TEST(test_invalid_utf8)
{
	static const char in[] = "a,b,c\n"
	    "\xE4\xB8,ok,\xFF\xFF\n"		/* cut short: 1 */
	    "\xC0\x80,\xED\xA0\x80,\xFF\n"	/* C0, lone 80: 2; surrogate: 1 */
	    "\xF0\x9F\x98\x80,\xE4x,\n"	/* emoji fine; E4 before x: 1 */
	    "\xF4\x90\x80\x80,中,\xFE\n";	/* past U+10FFFF: 1 */
	static const int cols[] = { 0, 1 };
	struct job j = { 0 };
	struct result res;

	j.enc = CS_ENC_UTF8;
	j.want = cols;
	j.nwant = 2;
	res = read_bytes(in, sizeof in - 1, &j);
	ck_assert_str_eq(res.err, "test-reader: F: 6 invalid UTF-8 sequences "
	    "(if the file is GBK, use --encoding gb18030)\n");
	ck_assert_int_eq(res.status, 0);
	free_result(&res);
	/* Valid text, long enough for the eight-byte steps: no warning. */
	res = read_str("a,b\nabcdefghijklmnopqrstuvwxyz0123456789,"
	    "订单编号买家会员名¥é\n", &j);
	ck_assert_str_eq(res.err, "");
	free_result(&res);
}
END_TEST

START_TEST(test_clean_field)
{
	static const struct {
		const char	*in, *out;
	} clean[] = {
		{ "plain", "plain" },
		{ "  x  ", "x" },
		{ "\tx\t", "x" },
		{ "\r\nx\r\n", "x" },
		{ "a b", "a b" },
		{ "=\"123\"", "123" },
		{ " =\"123\" ", "123" },
		{ "=\" 12 \"", "12" },
		{ "=\"\"", "" },
		{ "=\"", "=\"" },
		{ "=\"x", "=\"x" },
		{ "=123", "=123" },
		{ "'123", "123" },
		{ "'+86", "+86" },
		{ "=\"'123\"", "123" },
		{ "'", "'" },
		{ "'a", "'a" },
		{ "''1", "''1" },
		{ "", "" },
		{ "   ", "" },
	};

	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		size_t n, a = cs_clean_field(clean[i].in, strlen(clean[i].in), &n);

		ck_assert_msg(n == strlen(clean[i].out) &&
		    memcmp(clean[i].in + a, clean[i].out, n) == 0,
		    "\"%s\": \"%.*s\"", clean[i].in, (int)n, clean[i].in + a);
	}
}
END_TEST

START_TEST(test_row_get)
{
	const char *v[] = { "x", "" };
	size_t len[] = { 1, 0 };
	struct cs_row row = { 2, v, len, 5 };
	size_t n = 99;

	ck_assert_str_eq(cs_row_get(&row, 0, &n), "x");
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(cs_row_get(&row, 1, &n), "");
	ck_assert_uint_eq(n, 0);
	n = 99;
	ck_assert_str_eq(cs_row_get(&row, -1, &n), "");
	ck_assert_uint_eq(n, 0);
	n = 99;
	ck_assert_str_eq(cs_row_get(&row, 2, &n), "");
	ck_assert_uint_eq(n, 0);
}
END_TEST

static void
open_missing(void *arg)
{
	cs_reader_open("/nonexistent/cs-unit.csv", NULL);
}

/* An input that cannot be opened or read to its end is fatal. */
START_TEST(test_fatal_inputs)
{
	char *err;
	int status = ck_run(open_missing, NULL, NULL, &err);

	ck_assert_int_eq(status, 1);
	ck_assert_str_eq(err, "test-reader: /nonexistent/cs-unit.csv: "
	    "No such file or directory\n");
	free(err);

	/* A cut-off gzip: the rows before the cut, then exit 1. */
	struct cs_buf text = CS_BUF_INIT;
	char path[64], *z;
	size_t zn = 0;
	cs_buf_adds(&text, "a,b\n");
	for (int i = 0; i < 100000; i++)
		cs_buf_printf(&text, "%d,%d\n", i, i * 7);
	snprintf(path, sizeof path, "%s", ck_temp_file("", 0));
	gzFile gz = gzopen(path, "wb");
	gzwrite(gz, text.data, (unsigned)text.len);
	gzclose(gz);
	z = ck_read_file(path, &zn);
	struct job j = { 0 };
	struct result res = read_bytes(z, zn / 2, &j);
	ck_assert_int_eq(res.status, 1);
	ck_assert_str_eq(res.err,
	    "test-reader: F: truncated gzip input (unexpected end of file)\n");
	ck_assert_msg(strncmp(res.out, "H1:a|b\n2:0|0\n3:1|7\n", 18) == 0,
	    "%.40s", res.out);
	free_result(&res);
	free(z);
	unlink(path);
	cs_buf_free(&text);
}
END_TEST

/*
 * The round trip: random rows of fields with commas, quotes, CR, LF,
 * spaces, tabs, NUL bytes, '=', '\'' and CJK inside, written with
 * cs_csv_quote and read back equal. The reader cleans export noise from
 * every field, quoted or not (spaces, tabs, CR and LF at either end, a
 * ="..." wrapper, a ' before a digit or +), so the generator leaves those
 * shapes out: they are the reader's job, tested above, not the writer's.
 */
static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
random_field(struct cs_buf *f)
{
	static const char *const atoms[] = { "a", "Z", "0", "7", ",", "\"",
		"\"\"", "\n", "\r", "\r\n", " ", "\t", "=", "'", "+", "\\",
		"订单", "客服", "😀", "，", "\xE3\x80\x80", ";", "|", "#" };
	size_t natoms = sizeof atoms / sizeof atoms[0];

	for (;;) {
		size_t n = next_rand() % 12;
		cs_buf_reset(f);
		if (f->data == NULL)
			cs_buf_add(f, "", 0);
		for (size_t i = 0; i < n; i++) {
			const char *a = atoms[next_rand() % natoms];
			if (next_rand() % 20 == 0)
				cs_buf_addc(f, '\0');
			else
				cs_buf_adds(f, a);
		}
		if (f->len > 0 && (blank(f->data[0]) || blank(f->data[f->len - 1])))
			continue;
		if (f->len >= 3 && f->data[0] == '=' && f->data[1] == '"' &&
		    f->data[f->len - 1] == '"')
			continue;
		if (f->len >= 2 && f->data[0] == '\'' &&
		    ((f->data[1] >= '0' && f->data[1] <= '9') || f->data[1] == '+'))
			continue;
		return;
	}
}

START_TEST(test_round_trip)
{
	enum { NCOLS = 5, NROWS = 400, ROUNDS = 25 };
	static const char *const header[NCOLS] = { "h0", "h1", "h2", "h3", "h4" };

	for (int round = 0; round < ROUNDS; round++) {
		struct cs_buf file = CS_BUF_INIT, f = CS_BUF_INIT;
		struct cs_buf *fields = calloc(NROWS * NCOLS, sizeof *fields);
		char path[64];

		for (int c = 0; c < NCOLS; c++) {
			if (c > 0)
				cs_buf_addc(&file, ',');
			cs_csv_quote(&file, header[c], strlen(header[c]), ',');
		}
		cs_buf_adds(&file, round % 2 ? "\r\n" : "\n");
		for (int r = 0; r < NROWS; r++) {
			bool all_empty = true;
			for (int c = 0; c < NCOLS; c++) {
				random_field(&f);
				cs_buf_add(&fields[r * NCOLS + c], f.data, f.len);
				all_empty = all_empty && f.len == 0;
				if (c > 0)
					cs_buf_addc(&file, ',');
				cs_csv_quote(&file, f.data, f.len, ',');
			}
			if (all_empty) {	/* skipped by design: make it count */
				cs_buf_add(&fields[r * NCOLS], "e", 1);
				cs_buf_addc(&file, 'e');
			}
			cs_buf_adds(&file, round % 2 ? "\r\n" : "\n");
		}
		snprintf(path, sizeof path, "%s", ck_temp_file(file.data, file.len));
		struct cs_reader *rd = cs_reader_open(path, NULL);
		const struct cs_row *row;
		int r = 0;
		ck_assert_uint_eq(cs_reader_header(rd)->n, NCOLS);
		while ((row = cs_reader_next(rd)) != NULL) {
			ck_assert_int_lt(r, NROWS);
			ck_assert_uint_eq(row->n, NCOLS);
			for (int c = 0; c < NCOLS; c++) {
				const struct cs_buf *want = &fields[r * NCOLS + c];
				if (row->len[c] != want->len ||
				    memcmp(row->v[c], want->data, want->len) != 0)
					ck_abort_msg("round %d, row %d, field %d: "
					    "%zu bytes, expected %zu", round, r, c,
					    row->len[c], want->len);
			}
			r++;
		}
		ck_assert_int_eq(r, NROWS);
		ck_assert_uint_eq(cs_rejects_count(), 0);
		cs_reader_close(rd);
		unlink(path);
		for (int k = 0; k < NROWS * NCOLS; k++)
			cs_buf_free(&fields[k]);
		free(fields);
		cs_buf_free(&f);
		cs_buf_free(&file);
	}
}
END_TEST

static Suite *
reader_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("reader");

	/* The 64 MiB runaway field: seconds, some more under the sanitizers. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_cases);
	tcase_add_test(tc, test_delimiters);
	tcase_add_test(tc, test_gbk);
	tcase_add_test(tc, test_replaced_warning);
	tcase_add_test(tc, test_raw);
	tcase_add_test(tc, test_rejects_file);
	tcase_add_test(tc, test_big_field);
	tcase_add_test(tc, test_long_lines);
	tcase_add_test(tc, test_runaway_field);
	tcase_add_test(tc, test_want_columns);
	tcase_add_test(tc, test_want_columns_empty);
	tcase_add_test(tc, test_long_broken_line);
	tcase_add_test(tc, test_gbk_kept);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_clean_field);
	tcase_add_test(tc, test_row_get);
	tcase_add_test(tc, test_fatal_inputs);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-reader", reader_suite)
