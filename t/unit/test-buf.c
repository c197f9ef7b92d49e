/*
 * Growable buffer: appends of every kind, NUL termination, reuse.
 */
#include "config.h"

#include <stdarg.h>

#include "buf.h"
#include "ck.h"

START_TEST(test_add)
{
	struct cs_buf b = CS_BUF_INIT;

	cs_buf_add(&b, "abc", 3);
	cs_buf_addc(&b, '-');
	cs_buf_adds(&b, "订单");
	ck_assert_uint_eq(b.len, 10);
	ck_assert_str_eq(b.data, "abc-订单");
	cs_buf_add(&b, "x\0y", 3);
	ck_assert_uint_eq(b.len, 13);
	ck_assert_mem_eq(b.data + 10, "x\0y\0", 4);
	cs_buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

/* An empty append still leaves a NUL-terminated string. */
START_TEST(test_empty)
{
	struct cs_buf b = CS_BUF_INIT;

	cs_buf_add(&b, "", 0);
	ck_assert_ptr_nonnull(b.data);
	ck_assert_str_eq(b.data, "");
	ck_assert_uint_eq(b.len, 0);
	cs_buf_free(&b);
	cs_buf_reset(&b);		/* harmless on a freed buffer */
	ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(test_grow_big)
{
	struct cs_buf b = CS_BUF_INIT;
	size_t total = 0;

	for (int i = 0; i < 100000; i++) {
		cs_buf_addc(&b, 'a' + i % 26);
		total++;
	}
	ck_assert_uint_eq(b.len, total);
	ck_assert_uint_gt(b.cap, b.len);
	for (size_t i = 0; i < total; i++)
		if (b.data[i] != 'a' + (int)(i % 26))
			ck_abort_msg("byte %zu", i);
	ck_assert_int_eq(b.data[total], '\0');
	cs_buf_free(&b);
}
END_TEST

START_TEST(test_reset_keeps_memory)
{
	struct cs_buf b = CS_BUF_INIT;

	cs_buf_adds(&b, "a long enough line to need memory");
	char *data = b.data;
	size_t cap = b.cap;
	cs_buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.data, "");
	ck_assert_ptr_eq(b.data, data);
	ck_assert_uint_eq(b.cap, cap);
	cs_buf_adds(&b, "short");
	ck_assert_ptr_eq(b.data, data);
	ck_assert_str_eq(b.data, "short");
	cs_buf_free(&b);
}
END_TEST

START_TEST(test_printf)
{
	struct cs_buf b = CS_BUF_INIT;
	char big[5000];

	cs_buf_printf(&b, "%s:%d:%s", "f.csv", 12, "x");
	ck_assert_str_eq(b.data, "f.csv:12:x");
	cs_buf_printf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 10);
	/* Longer than the room left: the second vsnprintf pass. */
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cs_buf_printf(&b, "[%s]", big);
	ck_assert_uint_eq(b.len, 10 + 2 + 4999);
	ck_assert_int_eq(b.data[10], '[');
	ck_assert_int_eq(b.data[11 + 4999], ']');
	ck_assert_int_eq(b.data[b.len], '\0');
	ck_assert_uint_eq(strspn(b.data + 11, "z"), 4999);
	cs_buf_free(&b);
}
END_TEST

/* Exactly filling the room that is left must not lose the last byte. */
START_TEST(test_printf_exact_fit)
{
	for (size_t pre = 0; pre < 300; pre++) {
		struct cs_buf b = CS_BUF_INIT;
		char want[600];

		for (size_t i = 0; i < pre; i++)
			cs_buf_addc(&b, 'p');
		for (size_t n = 0; n < 300; n += 37) {
			size_t before = b.len;
			cs_buf_printf(&b, "%0*d", (int)n + 1, 7);
			ck_assert_uint_eq(b.len, before + n + 1);
			memset(want, '0', n);
			want[n] = '7';
			want[n + 1] = '\0';
			ck_assert_str_eq(b.data + before, want);
		}
		cs_buf_free(&b);
	}
}
END_TEST

static void
vadd(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cs_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

START_TEST(test_vprintf)
{
	struct cs_buf b = CS_BUF_INIT;

	vadd(&b, "%s=%lld", "cents", 12800LL);
	ck_assert_str_eq(b.data, "cents=12800");
	vadd(&b, "%1000s|", "r");
	ck_assert_uint_eq(b.len, 11 + 1001);
	ck_assert_int_eq(b.data[11 + 999], 'r');
	ck_assert_int_eq(b.data[11 + 1000], '|');
	cs_buf_free(&b);
}
END_TEST

static Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");

	tcase_add_test(tc, test_add);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_grow_big);
	tcase_add_test(tc, test_reset_keeps_memory);
	tcase_add_test(tc, test_printf);
	tcase_add_test(tc, test_printf_exact_fit);
	tcase_add_test(tc, test_vprintf);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-buf", buf_suite)
