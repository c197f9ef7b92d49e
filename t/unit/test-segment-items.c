/*
 * cs-segment item table: sku and keyword matching, first match wins,
 * duplicates, the memo.
 */
#include "config.h"

#include <string.h>

#include "ck.h"
#include "items.h"

static struct seg_items t;

static const struct seg_item *
add(const char *sku, const char *kw, enum seg_role role, const char *cat,
    long line)
{
	return seg_items_add(&t, sku, strlen(sku), kw, strlen(kw), role, cat,
	    strlen(cat), line);
}

static const struct seg_item *
match(const char *skus, const char *title)
{
	return seg_items_match(&t, skus, strlen(skus), title, strlen(title));
}

static void
setup(void)
{
	seg_items_init(&t);
	ck_assert_ptr_null(add("DJ-001", "", SEG_ROLE_PROFIT, "羽绒服", 2));
	ck_assert_ptr_null(add("", "袜子", SEG_ROLE_TRAFFIC, "袜子", 3));
	ck_assert_ptr_null(add("TS-9", "", SEG_ROLE_PROMO, "T恤", 4));
	ck_assert_ptr_null(add("", "羽绒", SEG_ROLE_EXCLUSIVE, "羽绒服", 5));
	ck_assert_ptr_null(add("", "Cashmere", SEG_ROLE_NONE, "羊绒", 6));
}

static void
teardown(void)
{
	seg_items_free(&t);
}

START_TEST(by_sku)
{
	const struct seg_item *it = match("DJ-001", "加厚羽绒服 男");

	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->line, 2);
	ck_assert_int_eq(it->role, SEG_ROLE_PROFIT);
	ck_assert_str_eq(it->category, "羽绒服");
	ck_assert_uint_eq(it->category_len, strlen("羽绒服"));
	it = match("TS-9", "");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->role, SEG_ROLE_PROMO);
	/* A sku matches exactly, not as a part. */
	ck_assert_ptr_null(match("DJ-0011", "外套"));
	ck_assert_ptr_null(match("DJ", "外套"));
}
END_TEST

START_TEST(by_keyword_first_wins)
{
	const struct seg_item *it;

	/* Row 3 (sku TS-9) comes before row 4's keyword 羽绒; row 2's sku
	 * DJ-001 before both. */
	it = match("", "轻薄羽绒马甲");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->line, 5);
	ck_assert_int_eq(it->role, SEG_ROLE_EXCLUSIVE);
	it = match("TS-9", "羽绒T恤");
	ck_assert_int_eq(it->line, 4);
	it = match("DJ-001", "袜子三双装");
	ck_assert_int_eq(it->line, 2);
	/* Keyword row 3 (袜子) before sku row 4 (TS-9). */
	it = match("TS-9", "袜子+T恤");
	ck_assert_int_eq(it->line, 3);
	/* ASCII case is ignored in keywords. */
	it = match("", "Pure CASHMERE scarf");
	ck_assert_int_eq(it->line, 6);
	ck_assert_int_eq(it->role, SEG_ROLE_NONE);
	ck_assert_ptr_null(match("", "围巾"));
	ck_assert_ptr_null(match("", ""));
}
END_TEST

START_TEST(several_lines)
{
	const struct seg_item *it;

	/* Skus of several lines, joined: each one is looked up alone. */
	it = match("X-1" SEG_JOIN "TS-9", "围巾" SEG_JOIN "T恤");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->line, 4);
	it = match("TS-9" SEG_JOIN "DJ-001", "T恤" SEG_JOIN "外套");
	ck_assert_int_eq(it->line, 2);
	it = match("X-1" SEG_JOIN "X-2", "围巾" SEG_JOIN "袜子");
	ck_assert_int_eq(it->line, 3);
	ck_assert_ptr_null(match("X-1" SEG_JOIN "X-2", "围巾" SEG_JOIN "帽子"));
}
END_TEST

START_TEST(duplicates_keep_first)
{
	const struct seg_item *first;

	first = add("DJ-001", "", SEG_ROLE_TRAFFIC, "外套", 9);
	ck_assert_ptr_nonnull(first);
	ck_assert_int_eq(first->line, 2);
	first = add("", "袜子", SEG_ROLE_PROFIT, "", 10);
	ck_assert_ptr_nonnull(first);
	ck_assert_int_eq(first->line, 3);
	/* A keyword equal to a sku is not a duplicate: different kinds. */
	ck_assert_ptr_null(add("", "DJ-001", SEG_ROLE_PROFIT, "", 11));
	ck_assert_uint_eq(t.n, 6);
	ck_assert_int_eq(match("DJ-001", "")->role, SEG_ROLE_PROFIT);
	ck_assert_int_eq(match("DJ-001", "")->line, 2);
}
END_TEST

START_TEST(memo_gives_same_answers)
{
	for (int round = 0; round < 3; round++) {
		ck_assert_int_eq(match("", "轻薄羽绒马甲")->line, 5);
		ck_assert_int_eq(match("TS-9", "羽绒T恤")->line, 4);
		ck_assert_ptr_null(match("", "围巾"));
	}
	ck_assert_uint_eq(cs_map_count(&t.memo), 3);
	/* The same title with another sku is another key. */
	ck_assert_int_eq(match("DJ-001", "轻薄羽绒马甲")->line, 2);
	ck_assert_uint_eq(cs_map_count(&t.memo), 4);
}
END_TEST

START_TEST(empty_table)
{
	struct seg_items e;

	seg_items_init(&e);
	ck_assert_ptr_null(seg_items_match(&e, "A", 1, "B", 1));
	seg_items_free(&e);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("segment-items");
	TCase *tc = tcase_create("items");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, by_sku);
	tcase_add_test(tc, by_keyword_first_wins);
	tcase_add_test(tc, several_lines);
	tcase_add_test(tc, duplicates_keep_first);
	tcase_add_test(tc, memo_gives_same_answers);
	tcase_add_test(tc, empty_table);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-segment-items", suite)
