/*
 * Field binding: the dictionary, header normalisation, --map, and the
 * binding of fields to the columns of real headers, with the fatal
 * messages (run in a child process) word for word.
 */
#include "config.h"

#include "buf.h"
#include "ck.h"
#include "fields.h"
#include "reader.h"

static void
teardown(void)
{
	cs_fields_reset();
}

START_TEST(test_aliases)
{
	const char *const *a = cs_field_aliases("order_id");

	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a[0], "订单编号");
	a = cs_field_aliases("agent");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a[0], "客服");
	size_t n = 0;
	while (a[n] != NULL)
		n++;
	ck_assert_uint_ge(n, 2);
	ck_assert_ptr_null(cs_field_aliases("no_such_field"));
	ck_assert_ptr_null(cs_field_aliases(""));
	ck_assert_ptr_null(cs_field_aliases("Order_ID"));
}
END_TEST

START_TEST(test_header_norm)
{
	static const struct {
		const char	*in, *out;
	} c[] = {
		{ "order_id", "order_id" },
		{ "Order ID", "order_id" },
		{ "ORDER-ID", "order_id" },
		{ "  buyer  ", "buyer" },
		{ "\tbuyer\r\n", "buyer" },
		{ "\xEF\xBB\xBF订单编号", "订单编号" },
		{ "\xE3\x80\x80客服\xE3\x80\x80", "客服" },
		{ "首次响应时长(秒)", "首次响应时长" },
		{ "付款金额（元）", "付款金额" },
		{ "付款金额 （元） ", "付款金额" },
		{ "amount [CNY]", "amount" },
		{ "金额【元】", "金额" },
		{ "a(b)(c)", "a(b)" },
		{ "(秒)", "(秒)" },
		{ "金额(元", "金额(元" },
		{ "金额)", "金额)" },
		{ "商家编码-SKU维度", "商家编码_sku维度" },
		{ "", "" },
		{ " ", "" },
		{ "\t", "" },
		{ "   ", "" },
		{ "\xEF\xBB\xBF", "" },
		{ "\xE3\x80\x80", "" },
		{ "a", "a" },
	};
	struct cs_buf out = CS_BUF_INIT;

	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		cs_header_norm(c[i].in, strlen(c[i].in), &out);
		ck_assert_ptr_nonnull(out.data);
		ck_assert_msg(strcmp(out.data, c[i].out) == 0 &&
		    out.len == strlen(c[i].out), "\"%s\": \"%s\"", c[i].in,
		    out.data);
		cs_buf_free(&out);	/* a fresh buffer each time, too */
	}
	/* Only n bytes are read. */
	cs_header_norm("buyerXYZ", 5, &out);
	ck_assert_str_eq(out.data, "buyer");
	cs_buf_free(&out);
}
END_TEST

START_TEST(test_map_parse)
{
	ck_assert_int_eq(cs_fields_add_map("agent=接待人"), 0);
	ck_assert_int_eq(cs_fields_add_map("buyer=a=b"), 0);
	ck_assert_int_eq(cs_fields_add_map("agent"), -1);
	ck_assert_int_eq(cs_fields_add_map("=x"), -1);
	ck_assert_int_eq(cs_fields_add_map("agent="), -1);
	ck_assert_int_eq(cs_fields_add_map(""), -1);
	ck_assert_int_eq(cs_fields_add_map("="), -1);
	ck_assert_ptr_null(cs_fields_check_map());
	ck_assert_int_eq(cs_fields_add_map("agnet=x"), 0);
	ck_assert_int_eq(cs_fields_add_map("bogus=y"), 0);
	ck_assert_str_eq(cs_fields_check_map(), "agnet");
	cs_fields_reset();
	ck_assert_ptr_null(cs_fields_check_map());
}
END_TEST

/* A header row from literal names. */
struct hdr {
	struct cs_row	 row;
	const char	*v[16];
	size_t		 len[16];
};

static void
make_hdr(struct hdr *h, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h->v[i] = names[i];
		h->len[i] = strlen(names[i]);
	}
	h->row.n = n;
	h->row.v = h->v;
	h->row.len = h->len;
	h->row.line = 1;
}

#define HDR(h, ...) do {						\
	static const char *const n_[] = { __VA_ARGS__ };		\
	make_hdr(h, n_, sizeof n_ / sizeof n_[0]);			\
} while (0)

static const struct cs_field order_fields[] = {
	{ "order_id", CS_FIELD_REQUIRED },
	{ "buyer", 0 },
	{ "amount", 0 },
	{ "status", 0 },
};

START_TEST(test_bind)
{
	struct hdr h;
	int col[4];

	/* Aliases, with units and spaces; a field with no column is -1. */
	HDR(&h, "订单状态", " 订单编号 ", "买家会员名", "总金额（元）");
	cs_fields_bind(&h.row, "f.csv", order_fields, 4, col);
	ck_assert_int_eq(col[0], 1);
	ck_assert_int_eq(col[1], 2);
	ck_assert_int_eq(col[2], 3);
	ck_assert_int_eq(col[3], 0);

	HDR(&h, "订单编号", "备注");
	cs_fields_bind(&h.row, "f.csv", order_fields, 4, col);
	ck_assert_int_eq(col[0], 0);
	ck_assert_int_eq(col[1], -1);
	ck_assert_int_eq(col[2], -1);
	ck_assert_int_eq(col[3], -1);

	/* The logical name first, then the alias listed first, whatever the
	 * order of the columns. */
	HDR(&h, "买家", "买家昵称", "Buyer", "订单号", "订单编号");
	cs_fields_bind(&h.row, "f.csv", order_fields, 4, col);
	ck_assert_int_eq(col[0], 4);
	ck_assert_int_eq(col[1], 2);
	HDR(&h, "买家", "订单号", "买家昵称");
	cs_fields_bind(&h.row, "f.csv", order_fields, 2, col);
	ck_assert_int_eq(col[0], 1);
	ck_assert_int_eq(col[1], 2);

	/* Two columns with the same name: the first one. */
	HDR(&h, "x", "order id", "ORDER_ID");
	cs_fields_bind(&h.row, "f.csv", order_fields, 1, col);
	ck_assert_int_eq(col[0], 1);

	/* An empty header cell matches nothing, not even an empty name. */
	HDR(&h, "", "订单编号", "");
	cs_fields_bind(&h.row, "f.csv", order_fields, 4, col);
	ck_assert_int_eq(col[0], 1);
	ck_assert_int_eq(col[1], -1);
}
END_TEST

START_TEST(test_bind_map)
{
	struct hdr h;
	int col[4];

	/* --map beats the table, with the same normalisation; the last --map
	 * of a field wins. */
	ck_assert_int_eq(cs_fields_add_map("buyer=旺旺ID"), 0);
	ck_assert_int_eq(cs_fields_add_map("order_id=单号"), 0);
	ck_assert_int_eq(cs_fields_add_map("order_id=Trade No"), 0);
	HDR(&h, "买家会员名", "旺旺id", "订单编号", "trade_no");
	cs_fields_bind(&h.row, "f.csv", order_fields, 4, col);
	ck_assert_int_eq(col[0], 3);
	ck_assert_int_eq(col[1], 1);
	ck_assert_int_eq(col[2], -1);
	ck_assert_int_eq(col[3], -1);
}
END_TEST

/* An empty input binds nothing and is not an error. */
START_TEST(test_bind_empty)
{
	struct cs_row row = { 0, NULL, NULL, 0 };
	int col[4] = { 7, 7, 7, 7 };

	ck_assert_int_eq(cs_fields_add_map("buyer=nothing"), 0);
	cs_fields_bind(&row, "f.csv", order_fields, 4, col);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(col[i], -1);
}
END_TEST

struct bind_job {
	const char *const	*names;
	size_t			 n;
	const char		*map;
};

static void
bind_job(void *arg)
{
	const struct bind_job *j = arg;
	struct hdr h;
	int col[4];

	if (j->map != NULL)
		cs_fields_add_map(j->map);
	make_hdr(&h, j->names, j->n);
	cs_fields_bind(&h.row, "orders.csv", order_fields, 4, col);
	printf("bound\n");
}

START_TEST(test_bind_missing)
{
	static const char *const names[] = { "买家会员名", "备注" };
	struct bind_job j = { names, 2, NULL };
	char *out, *err;

	ck_assert_int_eq(ck_run(bind_job, &j, &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "test-fields: orders.csv: no column for field "
	    "'order_id' (tried: order_id, 订单编号, 订单号, 主订单编号, 订单ID, "
	    "tid; found: 买家会员名, 备注); name it with --map "
	    "order_id=HEADER\n");
	free(out);
	free(err);

	/* A --map to a column that is not there. */
	static const char *const names2[] = { "订单编号", "买家会员名" };
	struct bind_job j2 = { names2, 2, "buyer=旺旺" };
	ck_assert_int_eq(ck_run(bind_job, &j2, &out, &err), 1);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err,
	    "test-fields: orders.csv: --map buyer=旺旺: no such column\n");
	free(out);
	free(err);

	/* The map of a field takes it out of the table: no fallback. */
	struct bind_job j3 = { names2, 2, "order_id=单号" };
	ck_assert_int_eq(ck_run(bind_job, &j3, &out, &err), 1);
	ck_assert_str_eq(err,
	    "test-fields: orders.csv: --map order_id=单号: no such column\n");
	free(out);
	free(err);

	/* A --map whose header is only spaces matches no column. */
	struct bind_job j4 = { names2, 2, "buyer= " };
	ck_assert_int_eq(ck_run(bind_job, &j4, &out, &err), 1);
	ck_assert_str_eq(err,
	    "test-fields: orders.csv: --map buyer= : no such column\n");
	free(out);
	free(err);
}
END_TEST

/* Open a file and bind: only the bound columns are copied. */
START_TEST(test_fields_open)
{
	static const char data[] = "备注,订单编号,买家会员名,other\n"
	    "n1,1001,tb_a,z\nn2,1002,tb_b,z\n";
	char path[64];
	int col[4];

	snprintf(path, sizeof path, "%s", ck_temp_file(data, sizeof data - 1));
	struct cs_reader *r = cs_fields_open(path, NULL, order_fields, 4, col,
	    false);
	ck_assert_int_eq(col[0], 1);
	ck_assert_int_eq(col[1], 2);
	ck_assert_int_eq(col[2], -1);
	ck_assert_int_eq(col[3], -1);
	const struct cs_row *row = cs_reader_next(r);
	size_t n;
	ck_assert_ptr_nonnull(row);
	ck_assert_str_eq(cs_row_get(row, col[0], &n), "1001");
	ck_assert_str_eq(cs_row_get(row, col[1], &n), "tb_a");
	ck_assert_str_eq(cs_row_get(row, col[2], &n), "");
	ck_assert_uint_eq(row->len[0], 0);	/* not copied */
	ck_assert_uint_eq(row->len[3], 0);
	row = cs_reader_next(r);
	ck_assert_ptr_nonnull(row);
	ck_assert_int_eq(row->line, 3);
	ck_assert_str_eq(cs_row_get(row, col[0], &n), "1002");
	ck_assert_ptr_null(cs_reader_next(r));
	cs_reader_close(r);

	/* all_columns: every column is there. */
	r = cs_fields_open(path, NULL, order_fields, 4, col, true);
	row = cs_reader_next(r);
	ck_assert_str_eq(row->v[0], "n1");
	ck_assert_str_eq(row->v[3], "z");
	cs_reader_close(r);
	unlink(path);
}
END_TEST

static void
open_job(void *arg)
{
	int col[4];
	struct cs_reader *r = cs_fields_open(arg, NULL, order_fields, 4, col,
	    false);

	printf("%d %d %d %d %s\n", col[0], col[1], col[2], col[3],
	    cs_reader_next(r) == NULL ? "no rows" : "rows");
	cs_reader_close(r);
}

/* An empty input warns, binds nothing and has no rows; a header without
 * the required field is fatal. */
START_TEST(test_fields_open_empty)
{
	char path[64], *out, *err, *e;

	snprintf(path, sizeof path, "%s", ck_temp_file("", 0));
	ck_assert_int_eq(ck_run(open_job, path, &out, &err), 0);
	ck_assert_str_eq(out, "-1 -1 -1 -1 no rows\n");
	e = ck_subst(err, path, "F");
	ck_assert_str_eq(e, "test-fields: F: empty input\n");
	free(out);
	free(err);
	free(e);
	unlink(path);

	snprintf(path, sizeof path, "%s", ck_temp_file("a,b\n1,2\n", 8));
	ck_assert_int_eq(ck_run(open_job, path, &out, &err), 1);
	ck_assert_str_eq(out, "");
	e = ck_subst(err, path, "F");
	ck_assert_str_eq(e, "test-fields: F: no column for field 'order_id' "
	    "(tried: order_id, 订单编号, 订单号, 主订单编号, 订单ID, tid; "
	    "found: a, b); name it with --map order_id=HEADER\n");
	free(out);
	free(err);
	free(e);
	unlink(path);
}
END_TEST

static Suite *
fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("fields");

	/* Child runs are slow under the sanitizers on a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_aliases);
	tcase_add_test(tc, test_header_norm);
	tcase_add_test(tc, test_map_parse);
	tcase_add_test(tc, test_bind);
	tcase_add_test(tc, test_bind_map);
	tcase_add_test(tc, test_bind_empty);
	tcase_add_test(tc, test_bind_missing);
	tcase_add_test(tc, test_fields_open);
	tcase_add_test(tc, test_fields_open_empty);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-fields", fields_suite)
