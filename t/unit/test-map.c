/*
 * Hash map: insertion, lookup, insertion order, growth, odd keys.
 */
#include "config.h"

#include <stdint.h>

#include "ck.h"
#include "map.h"

START_TEST(test_insert_find)
{
	struct cs_map m;
	bool created = false;
	int one = 1, two = 2;

	cs_map_init(&m);
	ck_assert_ptr_null(cs_map_find(&m, "a", 1));
	struct cs_map_entry *e = cs_map_insert(&m, "agent", 5, &created);
	ck_assert(created);
	ck_assert_ptr_null(e->value);
	ck_assert_str_eq(e->key, "agent");
	ck_assert_uint_eq(e->len, 5);
	e->value = &one;
	e = cs_map_insert(&m, "buyer", 5, &created);
	ck_assert(created);
	e->value = &two;
	e = cs_map_insert(&m, "agent", 5, &created);
	ck_assert(!created);
	ck_assert_ptr_eq(e->value, &one);
	ck_assert_ptr_eq(cs_map_find(&m, "buyer", 5)->value, &two);
	ck_assert_ptr_null(cs_map_find(&m, "agen", 4));
	ck_assert_ptr_null(cs_map_find(&m, "agents", 6));
	ck_assert_uint_eq(cs_map_count(&m), 2);
	/* created may be NULL. */
	ck_assert_ptr_eq(cs_map_insert(&m, "agent", 5, NULL)->value, &one);
	cs_map_insert(&m, "c", 1, NULL);
	ck_assert_uint_eq(cs_map_count(&m), 3);
	cs_map_free(&m);
	ck_assert_uint_eq(cs_map_count(&m), 0);
}
END_TEST

/* The key is copied: the caller's buffer may change afterwards. */
START_TEST(test_key_copied)
{
	struct cs_map m;
	char key[16];

	cs_map_init(&m);
	strcpy(key, "张三");
	cs_map_insert(&m, key, strlen(key), NULL);
	strcpy(key, "李四");
	ck_assert_ptr_null(cs_map_find(&m, key, strlen(key)));
	ck_assert_str_eq(cs_map_entry(&m, 0)->key, "张三");
	ck_assert_ptr_nonnull(cs_map_find(&m, "张三", strlen("张三")));
	cs_map_free(&m);
}
END_TEST

/* Keys are byte strings: NUL bytes, the empty key, prefixes. */
START_TEST(test_odd_keys)
{
	struct cs_map m;
	bool created;

	cs_map_init(&m);
	cs_map_insert(&m, "", 0, &created);
	ck_assert(created);
	cs_map_insert(&m, "a\0b", 3, &created);
	ck_assert(created);
	cs_map_insert(&m, "a\0c", 3, &created);
	ck_assert(created);
	cs_map_insert(&m, "a", 1, &created);
	ck_assert(created);
	cs_map_insert(&m, "a\0", 2, &created);
	ck_assert(created);
	ck_assert_uint_eq(cs_map_count(&m), 5);
	ck_assert_ptr_eq(cs_map_find(&m, "", 0), cs_map_entry(&m, 0));
	ck_assert_ptr_eq(cs_map_find(&m, "a\0c", 3), cs_map_entry(&m, 2));
	ck_assert_ptr_eq(cs_map_find(&m, "a\0", 2), cs_map_entry(&m, 4));
	ck_assert_mem_eq(cs_map_entry(&m, 1)->key, "a\0b\0", 4);
	cs_map_free(&m);
}
END_TEST

/* Many keys: every one found with its value, in insertion order, while
 * the table doubles many times; keys inserted early keep their address. */
START_TEST(test_growth_and_order)
{
	struct cs_map m;
	char key[32];
	const int n = 200000;

	cs_map_init(&m);
	cs_map_insert(&m, "first", 5, NULL);
	const char *first = cs_map_entry(&m, 0)->key;
	for (intptr_t i = 1; i < n; i++) {
		int len = snprintf(key, sizeof key, "order-%ld", (long)i * 7919);
		struct cs_map_entry *e = cs_map_insert(&m, key, (size_t)len, NULL);
		e->value = (void *)i;
	}
	ck_assert_uint_eq(cs_map_count(&m), (size_t)n);
	ck_assert_ptr_eq(cs_map_entry(&m, 0)->key, first);
	ck_assert_str_eq(first, "first");
	for (intptr_t i = 1; i < n; i++) {
		int len = snprintf(key, sizeof key, "order-%ld", (long)i * 7919);
		struct cs_map_entry *e = cs_map_find(&m, key, (size_t)len);
		if (e == NULL || e->value != (void *)i)
			ck_abort_msg("%s lost", key);
		if (cs_map_entry(&m, (size_t)i) != e)
			ck_abort_msg("%s out of order", key);
	}
	ck_assert_ptr_null(cs_map_find(&m, "order-1", 7));
	cs_map_free(&m);
}
END_TEST

START_TEST(test_reuse_after_free)
{
	struct cs_map m;
	bool created;

	cs_map_init(&m);
	cs_map_insert(&m, "x", 1, NULL);
	cs_map_free(&m);
	ck_assert_ptr_null(cs_map_find(&m, "x", 1));
	cs_map_init(&m);
	cs_map_insert(&m, "x", 1, &created);
	ck_assert(created);
	ck_assert_uint_eq(cs_map_count(&m), 1);
	cs_map_free(&m);
}
END_TEST

START_TEST(test_hash)
{
	const char *s = "a string longer than eight bytes";

	ck_assert(cs_hash(s, strlen(s)) == cs_hash(s, strlen(s)));
	ck_assert(cs_hash("a", 1) != cs_hash("a\0", 2));
	ck_assert(cs_hash("", 0) != cs_hash("\0", 1));
	ck_assert(cs_hash("abcdefgh", 8) != cs_hash("abcdefgi", 8));
	ck_assert(cs_hash("abcdefghX", 9) != cs_hash("abcdefghY", 9));
	/* Only the n bytes count. */
	ck_assert(cs_hash("abcdefghijk", 9) == cs_hash("abcdefghiXY", 9));
}
END_TEST

/* Every byte of every length counts, the short tails as much as whole
 * words; and the low bits (the slot) spread over keys that differ little. */
START_TEST(test_hash_bytes)
{
	char a[24], b[24];
	static unsigned char seen[1024];
	size_t distinct = 0;

	for (size_t n = 1; n <= sizeof a; n++) {
		for (size_t i = 0; i < n; i++) {
			memset(a, 'x', sizeof a);
			memcpy(b, a, sizeof b);
			b[i] = 'y';
			ck_assert_msg(cs_hash(a, n) != cs_hash(b, n),
			    "length %zu, byte %zu", n, i);
			b[i] = '\xe5';
			ck_assert_msg(cs_hash(a, n) != cs_hash(b, n),
			    "length %zu, byte %zu", n, i);
		}
	}
	memset(seen, 0, sizeof seen);
	for (int k = 0; k < 4096; k++) {
		char key[16];
		int n = snprintf(key, sizeof key, "agent%d", k);
		size_t slot = (size_t)cs_hash(key, (size_t)n) & 1023;
		distinct += !seen[slot];
		seen[slot] = 1;
	}
	/* 4096 keys thrown into 1024 slots leave about 2 % empty. */
	ck_assert_uint_gt(distinct, 990);
}
END_TEST

static Suite *
map_suite(void)
{
	Suite *s = suite_create("map");
	TCase *tc = tcase_create("map");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_insert_find);
	tcase_add_test(tc, test_key_copied);
	tcase_add_test(tc, test_odd_keys);
	tcase_add_test(tc, test_growth_and_order);
	tcase_add_test(tc, test_reuse_after_free);
	tcase_add_test(tc, test_hash);
	tcase_add_test(tc, test_hash_bytes);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-map", map_suite)
