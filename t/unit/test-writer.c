/*
 * The table writer: exact bytes of csv, tsv and text tables (quoting,
 * escapes, CJK widths, right-aligned numbers, rules, the BOM, an empty
 * table), written through a real sink into a file and read back.
 */
#include "config.h"

#include "buf.h"
#include "ck.h"
#include "sink.h"
#include "writer.h"

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

/* A writer onto a file in dir; finish() closes it and returns the bytes. */
static struct cs_writer *
start(enum cs_format f, bool bom)
{
	char path[128];

	snprintf(path, sizeof path, "%s/out", dir);
	return cs_writer_new(cs_sink_open(path), f, bom);
}

static char *
finish_n(struct cs_writer *w, size_t *n)
{
	struct cs_sink *s = cs_writer_sink(w);
	char path[128];

	cs_writer_close(w);
	ck_assert_int_eq(cs_sink_commit(s), 0);
	snprintf(path, sizeof path, "%s/out", dir);
	char *got = ck_read_file(path, n);
	ck_assert_ptr_nonnull(got);
	return got;
}

static char *
finish(struct cs_writer *w)
{
	return finish_n(w, NULL);
}

static void
row(struct cs_writer *w, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cs_writer_str(w, v[i]);
	cs_writer_end(w);
}

#define ROW(w, ...) do {						\
	const char *const r_[] = { __VA_ARGS__ };			\
	row(w, r_, sizeof r_ / sizeof r_[0]);				\
} while (0)

static void
header(struct cs_writer *w, const char *const *v, size_t n)
{
	cs_writer_header(w, v, n);
}

#define HEADER(w, ...) do {						\
	const char *const h_[] = { __VA_ARGS__ };			\
	header(w, h_, sizeof h_ / sizeof h_[0]);			\
} while (0)

START_TEST(test_format_parse)
{
	enum cs_format f = CS_FORMAT_TEXT;

	ck_assert_int_eq(cs_format_parse("csv", &f), 0);
	ck_assert_int_eq(f, CS_FORMAT_CSV);
	ck_assert_int_eq(cs_format_parse("tsv", &f), 0);
	ck_assert_int_eq(f, CS_FORMAT_TSV);
	ck_assert_int_eq(cs_format_parse("text", &f), 0);
	ck_assert_int_eq(f, CS_FORMAT_TEXT);
	f = CS_FORMAT_TSV;
	ck_assert_int_eq(cs_format_parse("CSV", &f), -1);
	ck_assert_int_eq(cs_format_parse("", &f), -1);
	ck_assert_int_eq(cs_format_parse("csv ", &f), -1);
	ck_assert_int_eq(cs_format_parse("json", &f), -1);
	ck_assert_int_eq(f, CS_FORMAT_TSV);
}
END_TEST

START_TEST(test_csv_quote)
{
	static const struct {
		const char	*in;
		size_t		 n;
		char		 delim;
		const char	*out;
	} q[] = {
		{ "plain", 5, ',', "plain" },
		{ "", 0, ',', "" },
		{ "a,b", 3, ',', "\"a,b\"" },
		{ "a,b", 3, ';', "a,b" },
		{ "a;b", 3, ';', "\"a;b\"" },
		{ "a\tb", 3, '\t', "\"a\tb\"" },
		{ "say \"hi\"", 8, ',', "\"say \"\"hi\"\"\"" },
		{ "\"", 1, ',', "\"\"\"\"" },
		{ "\"\"", 2, ',', "\"\"\"\"\"\"" },
		{ "a\nb", 3, ',', "\"a\nb\"" },
		{ "a\rb", 3, ',', "\"a\rb\"" },
		{ " lead", 5, ',', "\" lead\"" },
		{ "trail ", 6, ',', "\"trail \"" },
		{ " ", 1, ',', "\" \"" },
		{ "in side", 7, ',', "in side" },
		{ "\ttab", 4, ',', "\ttab" },
		{ "=\"1\"", 4, ',', "\"=\"\"1\"\"\"" },
		{ "订单，编号", 15, ',', "订单，编号" },
		{ "x\0y", 3, ',', "x\0y" },
		/* Longer than a word: the eight-byte screen, then the test. */
		{ "12345678901234567890,x", 22, ',', "\"12345678901234567890,x\"" },
		{ "一二三四五六七八九十", 30, ',', "一二三四五六七八九十" },
		{ "一二三四五六七八九\"", 28, ',', "\"一二三四五六七八九\"\"\"" },
		{ "abcdefgh|ijklmnop", 17, '|', "\"abcdefgh|ijklmnop\"" },
		{ "abcdefghijklmnop;", 17, ',', "abcdefghijklmnop;" },
		{ "abcdefgh\nijklmnop", 17, ',', "\"abcdefgh\nijklmnop\"" },
		{ "2026-11-22 23:59:52", 19, ',', "2026-11-22 23:59:52" },
	};

	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		struct cs_buf b = CS_BUF_INIT;

		cs_buf_adds(&b, "<");
		cs_csv_quote(&b, q[i].in, q[i].n, q[i].delim);
		cs_buf_adds(&b, ">");
		size_t want = q[i].n == 3 && q[i].in[1] == '\0' ? 3 :
		    strlen(q[i].out);	/* "x\0y" is written as is */
		ck_assert_msg(b.len == want + 2 && b.data[0] == '<' &&
		    memcmp(b.data + 1, q[i].out, want) == 0 &&
		    b.data[want + 1] == '>', "case %zu: %s", i, b.data);
		cs_buf_free(&b);
	}
}
END_TEST

/* The scan goes eight bytes at a time: a special byte at every offset of a
 * long field, with CJK bytes around it, must still be found. */
START_TEST(test_csv_quote_offsets)
{
	static const char specials[] = { ',', '"', '\n', '\r', ';' };

	for (size_t k = 0; k < sizeof specials; k++) {
		for (size_t len = 1; len <= 40; len++) {
			for (size_t at = 0; at <= len; at++) {
				char in[48];
				struct cs_buf b = CS_BUF_INIT;

				/* 订 is E8 AE A2: high bytes, none special. */
				for (size_t i = 0; i < len; i++)
					in[i] = "\xE8\xAE\xA2x"[i % 4];
				if (at < len)
					in[at] = specials[k];
				cs_csv_quote(&b, in, len, ',');
				bool special = at < len && specials[k] != ';';
				ck_assert_msg((b.data[0] == '"') == special,
				    "special %zu, length %zu, at %zu", k, len, at);
				ck_assert_uint_eq(b.len, len + (special ? 2 : 0) +
				    (special && specials[k] == '"'));
				cs_buf_free(&b);
			}
		}
	}
}
END_TEST

START_TEST(test_looks_numeric)
{
	static const char *const yes[] = { "0", "12", "-3", "+4", "1.5",
		"1,280.50", "12%", "-0.5%", ".5", "5.", "1,2,3" };
	static const char *const no[] = { "", "-", "+", "%", ".", ",", "12a",
		"1e5", "%12", "1%%", "1 2", " 1", "¥12", "12元", "--1", "0x1f",
		"1.2.3a" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(cs_looks_numeric(yes[i], strlen(yes[i])), "%s",
		    yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(!cs_looks_numeric(no[i], strlen(no[i])), "%s",
		    no[i]);
	/* Only n bytes count. */
	ck_assert(cs_looks_numeric("12abc", 2));
}
END_TEST

START_TEST(test_csv)
{
	struct cs_writer *w = start(CS_FORMAT_CSV, false);

	ck_assert_int_eq(cs_writer_format(w), CS_FORMAT_CSV);
	HEADER(w, "agent", "note", "amount");
	ROW(w, "张三", "plain", "12.50");
	ROW(w, "李四", "a,b", "-1");
	ROW(w, "", "say \"hi\"\nbye", "");
	ROW(w, " x ", "\t", "0");
	cs_writer_rule(w);	/* nothing in csv */
	ROW(w, "total", "", "11.50");
	/* Past the first field, in a line that has room: the same rules. */
	ROW(w, "a", " b", "c ");
	ROW(w, "d", "e\rf", "\"");
	cs_writer_field(w, "x\0y", 3);
	cs_writer_end(w);
	size_t n;
	char *got = finish_n(w, &n);
	static const char want[] = "agent,note,amount\n"
	    "张三,plain,12.50\n"
	    "李四,\"a,b\",-1\n"
	    ",\"say \"\"hi\"\"\nbye\",\n"
	    "\" x \",\t,0\n"
	    "total,,11.50\n"
	    "a,\" b\",\"c \"\n"
	    "d,\"e\rf\",\"\"\"\"\n"
	    "x\0y\n";
	ck_assert_uint_eq(n, sizeof want - 1);
	ck_assert(memcmp(got, want, n) == 0);
	free(got);
}
END_TEST

START_TEST(test_tsv)
{
	struct cs_writer *w = start(CS_FORMAT_TSV, false);

	HEADER(w, "a", "b b", "c,c");
	ROW(w, "x\ty", "1\n2", "back\\slash");
	ROW(w, "\"q\"", "cr\r", "");
	ROW(w, "", "", "");
	char *got = finish(w);
	ck_assert_str_eq(got, "a\tb b\tc,c\n"
	    "x\\ty\t1\\n2\tback\\\\slash\n"
	    "\"q\"\tcr\\r\t\n"
	    "\t\t\n");
	free(got);
}
END_TEST

START_TEST(test_bom)
{
	struct cs_writer *w = start(CS_FORMAT_CSV, true);

	HEADER(w, "a");
	ROW(w, "1");
	char *got = finish(w);
	ck_assert_str_eq(got, "\xEF\xBB\xBF" "a\n1\n");
	free(got);

	w = start(CS_FORMAT_TEXT, true);
	HEADER(w, "a");
	got = finish(w);
	ck_assert_str_eq(got, "\xEF\xBB\xBF" "a\n-\n");
	free(got);
}
END_TEST

/* The header is written even when there are no rows. */
START_TEST(test_empty)
{
	static const enum cs_format f[] = { CS_FORMAT_CSV, CS_FORMAT_TSV,
		CS_FORMAT_TEXT };
	static const char *const want[] = { "agent,lost rate\n",
		"agent\tlost rate\n", "agent  lost rate\n----------------\n" };

	for (size_t i = 0; i < 3; i++) {
		struct cs_writer *w = start(f[i], false);
		HEADER(w, "agent", "lost rate");
		char *got = finish(w);
		ck_assert_str_eq(got, want[i]);
		free(got);
	}
	/* No writer output at all: the sink still makes an empty file. */
	struct cs_writer *w = start(CS_FORMAT_CSV, false);
	char *got = finish(w);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

/*
 * Text: widths count a CJK character as two columns; a column of numbers
 * (and percentages, with empty cells and "-" allowed) is right-aligned,
 * any other column left-aligned; two spaces between columns; no space at
 * the end of a line; a rule under the header and before a total.
 */
START_TEST(test_text)
{
	struct cs_writer *w = start(CS_FORMAT_TEXT, false);

	ck_assert_int_eq(cs_writer_format(w), CS_FORMAT_TEXT);
	HEADER(w, "客服", "inquiries", "rate", "note");
	ROW(w, "张三", "12", "50.0%", "ok");
	ROW(w, "li", "1,204", "-", "");
	ROW(w, "王小二", "", "7.5%", "回复慢");
	cs_writer_rule(w);
	ROW(w, "total", "1,216", "12.3%", "");
	char *got = finish(w);
	ck_assert_str_eq(got,
	    "客服    inquiries   rate  note\n"
	    "--------------------------------\n"
	    "张三           12  50.0%  ok\n"
	    "li          1,204      -\n"
	    "王小二              7.5%  回复慢\n"
	    "--------------------------------\n"
	    "total       1,216  12.3%\n");
	free(got);
}
END_TEST

/* One text cell that is not a number makes the column left-aligned; the
 * header never counts, nor do empty cells and "-". */
START_TEST(test_text_alignment)
{
	struct cs_writer *w = start(CS_FORMAT_TEXT, false);

	HEADER(w, "n", "m", "k");
	ROW(w, "1", "-", "");
	ROW(w, "22", "x", "-");
	ROW(w, "333", "4", "");
	char *got = finish(w);
	ck_assert_str_eq(got,
	    "  n  m  k\n"
	    "---------\n"
	    "  1  -\n"
	    " 22  x  -\n"
	    "333  4\n");
	free(got);
}
END_TEST

/* Rows shorter or longer than the header; the widest row sets the rules. */
START_TEST(test_text_ragged)
{
	struct cs_writer *w = start(CS_FORMAT_TEXT, false);

	HEADER(w, "name", "v");
	ROW(w, "a");
	ROW(w, "bb", "10", "extra");
	char *got = finish(w);
	ck_assert_str_eq(got,
	    "name   v\n"
	    "---------------\n"
	    "a\n"
	    "bb    10  extra\n");
	free(got);
}
END_TEST

/* Many rows (the arena grows, rows array grows past 64). */
START_TEST(test_text_many)
{
	struct cs_writer *w = start(CS_FORMAT_TEXT, false);
	struct cs_buf want = CS_BUF_INIT;

	HEADER(w, "i", "sq");
	cs_buf_adds(&want, "  i      sq\n-----------\n");
	for (int i = 0; i < 1000; i++) {
		char a[16], b[16];
		snprintf(a, sizeof a, "%d", i);
		snprintf(b, sizeof b, "%d", i * i);
		ROW(w, a, b);
		cs_buf_printf(&want, "%3d  %6d\n", i, i * i);
	}
	char *got = finish(w);
	ck_assert_msg(strcmp(got, want.data) == 0, "%.200s", got);
	free(got);
	cs_buf_free(&want);
}
END_TEST

/* Big csv output goes through the sink's buffer in several writes. */
START_TEST(test_csv_big)
{
	struct cs_writer *w = start(CS_FORMAT_CSV, false);
	struct cs_buf want = CS_BUF_INIT, big = CS_BUF_INIT;

	for (int i = 0; i < 200000; i++)
		cs_buf_addc(&big, 'a' + i % 26);
	HEADER(w, "k", "v");
	cs_buf_adds(&want, "k,v\n");
	for (int i = 0; i < 20000; i++) {
		char k[16];
		snprintf(k, sizeof k, "%d", i);
		cs_writer_str(w, k);
		if (i == 777) {
			cs_writer_field(w, big.data, big.len);
			cs_buf_printf(&want, "%d,", i);
			cs_buf_add(&want, big.data, big.len);
			cs_buf_addc(&want, '\n');
		} else {
			cs_writer_str(w, "a,b");
			cs_buf_printf(&want, "%d,\"a,b\"\n", i);
		}
		cs_writer_end(w);
	}
	char *got = finish(w);
	ck_assert_uint_eq(strlen(got), want.len);
	ck_assert(memcmp(got, want.data, want.len) == 0);
	free(got);
	cs_buf_free(&want);
	cs_buf_free(&big);
}
END_TEST

static Suite *
writer_suite(void)
{
	Suite *s = suite_create("writer");
	TCase *tc = tcase_create("writer");

	/* The big tables are slow under the sanitizers on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_format_parse);
	tcase_add_test(tc, test_csv_quote);
	tcase_add_test(tc, test_csv_quote_offsets);
	tcase_add_test(tc, test_looks_numeric);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_tsv);
	tcase_add_test(tc, test_bom);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_text_alignment);
	tcase_add_test(tc, test_text_ragged);
	tcase_add_test(tc, test_text_many);
	tcase_add_test(tc, test_csv_big);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-writer", writer_suite)
