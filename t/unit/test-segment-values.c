/*
 * cs-segment values: tiers, roles, channels, stages, presale information.
 */
#include "config.h"

#include <string.h>

#include "ck.h"
#include "value.h"
#include "values.h"

static int
tier(const char *s, int *t)
{
	*t = -9;
	return seg_tier_parse(s, strlen(s), t);
}

START_TEST(tier_names_numbers_english)
{
	static const struct {
		const char	*s;
		int		 tier;
	} ok[] = {
		{ "0", 0 }, { "非会员", 0 }, { "新客户", 0 }, { "未分级", 0 },
		{ "none", 0 }, { "1", 1 }, { "普通会员", 1 }, { "Regular", 1 },
		{ "2", 2 }, { "高级会员", 2 }, { "SENIOR", 2 }, { "3", 3 },
		{ "VIP会员", 3 }, { "vip会员", 3 }, { "vip", 3 }, { "4", 4 },
		{ "至尊VIP", 4 }, { "至尊vip", 4 }, { "至尊VIP会员", 4 },
		{ "svip", 4 }, { "  高级会员\t", 2 },
	};
	int t;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(tier(ok[i].s, &t) == 0, "%s", ok[i].s);
		ck_assert_int_eq(t, ok[i].tier);
	}
}
END_TEST

START_TEST(tier_empty_and_invalid)
{
	int t;

	ck_assert_int_eq(tier("", &t), CS_VALUE_EMPTY);
	ck_assert_int_eq(tier("  ", &t), CS_VALUE_EMPTY);
	ck_assert_int_eq(t, -9);
	ck_assert_int_eq(tier("5", &t), CS_VALUE_INVALID);
	ck_assert_int_eq(tier("-1", &t), CS_VALUE_INVALID);
	ck_assert_int_eq(tier("黄金会员", &t), CS_VALUE_INVALID);
	ck_assert_int_eq(tier("vip1", &t), CS_VALUE_INVALID);
	ck_assert_int_eq(tier("2.0", &t), CS_VALUE_INVALID);
	ck_assert_int_eq(t, -9);
}
END_TEST

START_TEST(tier_name_round_trip)
{
	int t;

	for (int i = 0; i <= SEG_TIER_MAX; i++) {
		const char *name = seg_tier_name(i);
		ck_assert_int_eq(seg_tier_parse(name, strlen(name), &t), 0);
		ck_assert_int_eq(t, i);
	}
	ck_assert_str_eq(seg_tier_name(2), "高级会员");
	ck_assert_str_eq(seg_tier_name(5), "");
	ck_assert_str_eq(seg_tier_name(-1), "");
}
END_TEST

START_TEST(roles)
{
	static const struct {
		const char	*s;
		enum seg_role	 role;
	} ok[] = {
		{ "引流", SEG_ROLE_TRAFFIC }, { "traffic", SEG_ROLE_TRAFFIC },
		{ "利润", SEG_ROLE_PROFIT }, { "Profit", SEG_ROLE_PROFIT },
		{ "活动", SEG_ROLE_PROMO }, { " promo ", SEG_ROLE_PROMO },
		{ "独家", SEG_ROLE_EXCLUSIVE }, { "EXCLUSIVE", SEG_ROLE_EXCLUSIVE },
	};
	enum seg_role r = SEG_ROLE_NONE;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_int_eq(seg_role_parse(ok[i].s, strlen(ok[i].s), &r), 0);
		ck_assert_int_eq(r, ok[i].role);
	}
	r = SEG_ROLE_PROFIT;
	ck_assert_int_eq(seg_role_parse("", 0, &r), CS_VALUE_EMPTY);
	ck_assert_int_eq(seg_role_parse("爆款", strlen("爆款"), &r),
	    CS_VALUE_INVALID);
	ck_assert_int_eq(r, SEG_ROLE_PROFIT);
	ck_assert_str_eq(seg_role_name(SEG_ROLE_NONE), "");
	ck_assert_str_eq(seg_role_name(SEG_ROLE_TRAFFIC), "引流");
	ck_assert_str_eq(seg_role_name(SEG_ROLE_PROFIT), "利润");
	ck_assert_str_eq(seg_role_name(SEG_ROLE_PROMO), "活动");
	ck_assert_str_eq(seg_role_name(SEG_ROLE_EXCLUSIVE), "独家");
}
END_TEST

START_TEST(channels_and_stages)
{
	enum seg_channel ch = SEG_CHANNEL_NONE;
	enum seg_stage st = SEG_STAGE_ORDER;

	ck_assert_int_eq(seg_channel_parse("wangwang", 8, &ch), 0);
	ck_assert_int_eq(ch, SEG_CHANNEL_WANGWANG);
	ck_assert_int_eq(seg_channel_parse("短信", strlen("短信"), &ch), 0);
	ck_assert_int_eq(ch, SEG_CHANNEL_SMS);
	ck_assert_int_eq(seg_channel_parse("PHONE", 5, &ch), 0);
	ck_assert_int_eq(ch, SEG_CHANNEL_PHONE);
	ck_assert_int_eq(seg_channel_parse("不催", strlen("不催"), &ch), 0);
	ck_assert_int_eq(ch, SEG_CHANNEL_NONE);
	ck_assert_int_eq(seg_channel_parse("fax", 3, &ch), CS_VALUE_INVALID);
	ck_assert_int_eq(seg_channel_parse("", 0, &ch), CS_VALUE_EMPTY);
	for (int i = 0; i < SEG_NCHANNELS; i++) {
		const char *name = seg_channel_name((enum seg_channel)i);
		ck_assert_int_eq(seg_channel_parse(name, strlen(name), &ch), 0);
		ck_assert_int_eq(ch, i);
	}
	ck_assert_str_eq(seg_channel_name(SEG_CHANNEL_SMS), "sms");

	ck_assert_int_eq(seg_stage_parse("balance", 7, &st), 0);
	ck_assert_int_eq(st, SEG_STAGE_BALANCE);
	ck_assert_int_eq(seg_stage_parse("尾款", strlen("尾款"), &st), 0);
	ck_assert_int_eq(st, SEG_STAGE_BALANCE);
	ck_assert_int_eq(seg_stage_parse("order", 5, &st), 0);
	ck_assert_int_eq(st, SEG_STAGE_ORDER);
	ck_assert_int_eq(seg_stage_parse("deposit", 7, &st), CS_VALUE_INVALID);
	ck_assert_str_eq(seg_stage_name(SEG_STAGE_BALANCE), "balance");
	ck_assert_str_eq(seg_stage_name(SEG_STAGE_ORDER), "order");
}
END_TEST

static enum seg_presale
presale(const char *s)
{
	return seg_presale_parse(s, strlen(s));
}

START_TEST(presale_stage_lists)
{
	/* Qianniu 分阶段信息: stages separated by ';', the last one too. */
	ck_assert_int_eq(presale("定金:50.00元,交易状态买家已付款;尾款:150.00元,交易状态等待买家付款;"),
	    SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(presale("定金:50.00元,交易状态等待买家付款;尾款:150.00元,交易状态等待买家付款;"),
	    SEG_PRESALE_DEPOSIT_UNPAID);
	ck_assert_int_eq(presale("定金:50.00元,交易状态买家已付款;尾款:150.00元,交易状态买家已付款"),
	    SEG_PRESALE_PAID);
	/* Full-width semicolons and spaces. */
	ck_assert_int_eq(presale(" 定金 已付 ； 尾款 未付 ； "),
	    SEG_PRESALE_BALANCE_UNPAID);
	/* Three stages, the last unpaid. */
	ck_assert_int_eq(presale("定金已付;第二阶段已付;尾款待付款"),
	    SEG_PRESALE_BALANCE_UNPAID);
	/* A stage list that says nothing about payment. */
	ck_assert_int_eq(presale("定金:50.00元;尾款:150.00元"), SEG_PRESALE_NONE);
	/* The first paid, the rest unknown: not a balance due. */
	ck_assert_int_eq(presale("定金已付;尾款:150.00元"), SEG_PRESALE_NONE);
}
END_TEST

START_TEST(presale_step_status)
{
	ck_assert_int_eq(presale(""), SEG_PRESALE_NONE);
	ck_assert_int_eq(presale("   "), SEG_PRESALE_NONE);
	ck_assert_int_eq(presale("FRONT_PAID_FINAL_NOPAID"),
	    SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(presale("front_paid_final_nopaid"),
	    SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(presale("FRONT_NOPAID_FINAL_NOPAID"),
	    SEG_PRESALE_DEPOSIT_UNPAID);
	ck_assert_int_eq(presale("FRONT_PAID_FINAL_PAID"), SEG_PRESALE_PAID);
	ck_assert_int_eq(presale("定金已付尾款未付"), SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(presale("定金未付尾款未付"), SEG_PRESALE_DEPOSIT_UNPAID);
	ck_assert_int_eq(presale("定金和尾款都付"), SEG_PRESALE_PAID);
	ck_assert_int_eq(presale("预售"), SEG_PRESALE_NONE);
	ck_assert_int_eq(presale(";"), SEG_PRESALE_NONE);
}
END_TEST

START_TEST(presale_step_status_then_stages)
{
	/* Taobao writes the step status first, then the stages: the step
	 * status decides, not its "未付" read as a first stage. */
	ck_assert_int_eq(presale("定金已付尾款未付;阶段1:定金100.00元,交易状态买家已付款;阶段2:尾款499.00元,交易状态等待买家付款;"),
	    SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(presale("定金已付尾款已付;阶段1:定金100.00元,交易状态买家已付款;阶段2:尾款499.00元,交易状态买家已付款;"),
	    SEG_PRESALE_PAID);
	ck_assert_int_eq(presale("定金未付尾款未付;阶段1:定金100.00元,交易状态等待买家付款;阶段2:尾款499.00元,交易状态等待买家付款;"),
	    SEG_PRESALE_DEPOSIT_UNPAID);
	ck_assert_int_eq(presale("定金已付尾款未付;阶段1:定金100.00元,交易状态买家已付款;阶段2:尾款499.00元,交易状态交易关闭;"),
	    SEG_PRESALE_BALANCE_UNPAID);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("segment-values");
	TCase *tc = tcase_create("values");

	tcase_add_test(tc, tier_names_numbers_english);
	tcase_add_test(tc, tier_empty_and_invalid);
	tcase_add_test(tc, tier_name_round_trip);
	tcase_add_test(tc, roles);
	tcase_add_test(tc, channels_and_stages);
	tcase_add_test(tc, presale_stage_lists);
	tcase_add_test(tc, presale_step_status);
	tcase_add_test(tc, presale_step_status_then_stages);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-segment-values", suite)
