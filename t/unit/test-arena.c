/*
 * Arena: alignment, stable pointers, big requests, copies, reuse.
 */
#include "config.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ck.h"

START_TEST(test_alignment)
{
	struct cs_arena a;
	size_t sizes[] = { 1, 3, 7, 8, 15, 16, 17, 33, 100, 4095 };

	cs_arena_init(&a);
	for (int round = 0; round < 200; round++)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			unsigned char *p = cs_arena_alloc(&a, sizes[i]);
			ck_assert_uint_eq((uintptr_t)p % alignof(max_align_t), 0);
			memset(p, 0xA5, sizes[i]);	/* all of it is ours */
		}
	cs_arena_free(&a);
}
END_TEST

/* Pointers stay valid and unchanged while the arena grows. */
START_TEST(test_stable)
{
	struct cs_arena a;
	char *p[5000];
	char want[32];

	cs_arena_init(&a);
	for (int i = 0; i < 5000; i++) {
		snprintf(want, sizeof want, "key-%d", i);
		p[i] = cs_arena_strdup(&a, want);
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(want, sizeof want, "key-%d", i);
		ck_assert_str_eq(p[i], want);
	}
	ck_assert_uint_ge(a.used, 5000 * 6);
	cs_arena_free(&a);
	ck_assert_ptr_null(a.head);
	ck_assert_uint_eq(a.used, 0);
}
END_TEST

START_TEST(test_zero_size)
{
	struct cs_arena a;

	cs_arena_init(&a);
	void *p = cs_arena_alloc(&a, 0);
	void *q = cs_arena_alloc(&a, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_ne(p, q);
	cs_arena_free(&a);
}
END_TEST

/* A request bigger than a block gets a block of its own, fully usable;
 * the current block keeps serving small requests after it. */
START_TEST(test_big)
{
	struct cs_arena a;
	size_t big = 3 * 1024 * 1024;

	cs_arena_init(&a);
	char *s1 = cs_arena_alloc(&a, 16);
	unsigned char *b = cs_arena_alloc(&a, big);
	memset(b, 0x5A, big);
	ck_assert_uint_eq(b[big - 1], 0x5A);
	char *s2 = cs_arena_alloc(&a, 16);
	ck_assert_ptr_eq(s2, s1 + 16);
	/* One that fits the room left is served from the current block. */
	char *f = cs_arena_alloc(&a, 30 * 1024);
	ck_assert_ptr_eq(f, s2 + 16);
	/* One between half a block and a block that does not fit goes to a
	 * block of its own too, and the rest of this one is not wasted. */
	unsigned char *m = cs_arena_alloc(&a, 40 * 1024);
	memset(m, 1, 40 * 1024);
	char *s3 = cs_arena_alloc(&a, 16);
	ck_assert_ptr_eq(s3, f + 30 * 1024);
	ck_assert_uint_eq(a.used, 16 + big + 16 + 30 * 1024 + 40 * 1024 + 16);
	cs_arena_free(&a);
}
END_TEST

/* The first request of an arena may be a big one. */
START_TEST(test_big_first)
{
	struct cs_arena a;

	cs_arena_init(&a);
	unsigned char *b = cs_arena_alloc(&a, 200 * 1024);
	memset(b, 7, 200 * 1024);
	unsigned char *c = cs_arena_alloc(&a, 10);
	memset(c, 8, 10);
	ck_assert_uint_eq(b[200 * 1024 - 1], 7);
	cs_arena_free(&a);
}
END_TEST

START_TEST(test_strndup)
{
	struct cs_arena a;

	cs_arena_init(&a);
	char *p = cs_arena_strndup(&a, "abcdef", 3);
	ck_assert_str_eq(p, "abc");
	char *z = cs_arena_strndup(&a, "a\0b", 3);
	ck_assert_mem_eq(z, "a\0b\0", 4);
	char *e = cs_arena_strndup(&a, "", 0);
	ck_assert_str_eq(e, "");
	char *u = cs_arena_strdup(&a, "订单编号");
	ck_assert_str_eq(u, "订单编号");
	ck_assert_ptr_ne(p, z);
	cs_arena_free(&a);
}
END_TEST

/* After cs_arena_free the arena is empty and works again. */
START_TEST(test_reuse)
{
	struct cs_arena a;

	cs_arena_init(&a);
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 1000; i++)
			ck_assert_str_eq(cs_arena_strdup(&a, "x"), "x");
		ck_assert_uint_eq(a.used, 2000);
		cs_arena_free(&a);
		ck_assert_uint_eq(a.used, 0);
	}
}
END_TEST

static Suite *
arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("arena");

	tcase_add_test(tc, test_alignment);
	tcase_add_test(tc, test_stable);
	tcase_add_test(tc, test_zero_size);
	tcase_add_test(tc, test_big);
	tcase_add_test(tc, test_big_first);
	tcase_add_test(tc, test_strndup);
	tcase_add_test(tc, test_reuse);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-arena", arena_suite)
