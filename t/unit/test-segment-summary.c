/*
 * cs-segment summary: counts and amounts per segment and channel, and the
 * order of the groups.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "ck.h"
#include "summary.h"

START_TEST(counts_and_order)
{
	struct seg_summary s;
	struct seg_group **g;
	size_t n;

	seg_summary_init(&s);
	seg_summary_add(&s, "standard", SEG_CHANNEL_WANGWANG, 4, 12800);
	seg_summary_add(&s, "skip", SEG_CHANNEL_NONE, 0, 500);
	seg_summary_add(&s, "paid", SEG_CHANNEL_NONE, SIZE_MAX - 1, 9900);
	seg_summary_add(&s, "standard", SEG_CHANNEL_WANGWANG, 4, 3000);
	seg_summary_add(&s, "vip", SEG_CHANNEL_SMS, 2, 70000);
	seg_summary_add(&s, "vip", SEG_CHANNEL_PHONE, 1, 90000);
	seg_summary_add(&s, "alpha", SEG_CHANNEL_SMS, 2, 1);
	n = seg_summary_sorted(&s, &g);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(g[0]->segment, "skip");
	ck_assert_int_eq(g[0]->orders, 1);
	ck_assert_int_eq(g[0]->amount, 500);
	ck_assert_str_eq(g[1]->segment, "vip");
	ck_assert_int_eq(g[1]->channel, SEG_CHANNEL_PHONE);
	/* Same rank: by segment name. */
	ck_assert_str_eq(g[2]->segment, "alpha");
	ck_assert_str_eq(g[3]->segment, "vip");
	ck_assert_int_eq(g[3]->channel, SEG_CHANNEL_SMS);
	ck_assert_str_eq(g[4]->segment, "standard");
	ck_assert_int_eq(g[4]->orders, 2);
	ck_assert_int_eq(g[4]->amount, 15800);
	ck_assert_str_eq(g[5]->segment, "paid");
	ck_assert_int_eq(s.total.orders, 7);
	ck_assert_int_eq(s.total.amount, 12800 + 500 + 9900 + 3000 + 70000 +
	    90000 + 1);
	free(g);
	seg_summary_free(&s);
}
END_TEST

START_TEST(lowest_rank_kept)
{
	struct seg_summary s;
	struct seg_group **g;

	/* Two rules giving the same segment and channel: the group sits where
	 * the first of them does. */
	seg_summary_init(&s);
	seg_summary_add(&s, "b", SEG_CHANNEL_SMS, 5, 1);
	seg_summary_add(&s, "a", SEG_CHANNEL_SMS, 3, 1);
	seg_summary_add(&s, "b", SEG_CHANNEL_SMS, 1, 1);
	ck_assert_uint_eq(seg_summary_sorted(&s, &g), 2);
	ck_assert_str_eq(g[0]->segment, "b");
	ck_assert_int_eq(g[0]->rank, 1);
	ck_assert_int_eq(g[0]->orders, 2);
	free(g);
	seg_summary_free(&s);
}
END_TEST

START_TEST(empty)
{
	struct seg_summary s;
	struct seg_group **g;

	seg_summary_init(&s);
	ck_assert_uint_eq(seg_summary_sorted(&s, &g), 0);
	ck_assert_int_eq(s.total.orders, 0);
	free(g);
	seg_summary_free(&s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("segment-summary");
	TCase *tc = tcase_create("summary");

	tcase_add_test(tc, counts_and_order);
	tcase_add_test(tc, lowest_rank_kept);
	tcase_add_test(tc, empty);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-segment-summary", suite)
