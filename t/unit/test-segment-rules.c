/*
 * cs-segment rules: parsing from text, every condition, first match wins,
 * the built-in rules, descriptions, and writing rules back as text.
 */
#include "config.h"

#include <string.h>

#include "ck.h"
#include "rules.h"

static struct seg_rules rs;
static struct cs_buf err = CS_BUF_INIT;

/* Add a rule from "col=value" pairs; returns seg_rules_add's result. */
static int
rule(const char *const *pairs)
{
	const char *vals[SEG_NCOLS] = { NULL };
	size_t lens[SEG_NCOLS] = { 0 };

	for (size_t i = 0; pairs[i] != NULL; i++) {
		const char *eq = strchr(pairs[i], '=');
		size_t n = (size_t)(eq - pairs[i]);
		int c;
		for (c = 0; c < SEG_NCOLS; c++)
			if (strlen(seg_rule_columns[c]) == n &&
			    memcmp(seg_rule_columns[c], pairs[i], n) == 0)
				break;
		ck_assert_int_lt(c, SEG_NCOLS);
		vals[c] = eq + 1;
		lens[c] = strlen(eq + 1);
	}
	return seg_rules_add(&rs, vals, lens, &err);
}

#define RULE(...)	rule((const char *const[]){ __VA_ARGS__, NULL })

static struct seg_facts
facts(void)
{
	struct seg_facts f;

	memset(&f, 0, sizeof f);
	f.category = "";
	f.item = "";
	f.amount = 12800;
	return f;
}

static void
setup(void)
{
	seg_rules_init(&rs);
}

static void
teardown(void)
{
	seg_rules_free(&rs);
	cs_buf_free(&err);
}

static const char *
matched(const struct seg_facts *f)
{
	const struct seg_rule *r = seg_rules_match(&rs, f);

	return r != NULL ? r->segment : "(none)";
}

START_TEST(tier_range)
{
	struct seg_facts f = facts();

	ck_assert_int_eq(RULE("tier_min=高级会员", "tier_max=VIP会员",
	    "segment=mid", "channel=sms"), 0);
	ck_assert_int_eq(RULE("tier_min=4", "segment=top", "channel=phone"), 0);
	ck_assert_int_eq(RULE("tier_max=none", "segment=new", "channel=旺旺"), 0);
	f.tier = 0;
	ck_assert_str_eq(matched(&f), "new");
	f.tier = 1;
	ck_assert_str_eq(matched(&f), "(none)");
	f.tier = 2;
	ck_assert_str_eq(matched(&f), "mid");
	f.tier = 3;
	ck_assert_str_eq(matched(&f), "mid");
	f.tier = 4;
	ck_assert_str_eq(matched(&f), "top");
	ck_assert_int_eq(rs.v[0].channel, SEG_CHANNEL_SMS);
	ck_assert_int_eq(rs.v[2].channel, SEG_CHANNEL_WANGWANG);
}
END_TEST

START_TEST(amount_range_half_open)
{
	struct seg_facts f = facts();

	ck_assert_int_eq(RULE("amount_max=10", "segment=small", "channel=none"), 0);
	ck_assert_int_eq(RULE("amount_min=¥10", "amount_max=500.00元",
	    "segment=mid", "channel=sms"), 0);
	ck_assert_int_eq(RULE("amount_min=500", "segment=big", "channel=phone"), 0);
	f.amount = 0;
	ck_assert_str_eq(matched(&f), "small");
	f.amount = 999;
	ck_assert_str_eq(matched(&f), "small");
	f.amount = 1000;
	ck_assert_str_eq(matched(&f), "mid");
	f.amount = 49999;
	ck_assert_str_eq(matched(&f), "mid");
	f.amount = 50000;
	ck_assert_str_eq(matched(&f), "big");
}
END_TEST

START_TEST(role_category_stage_keyword)
{
	struct seg_facts f = facts();

	ck_assert_int_eq(RULE("role=引流|profit", "segment=r", "channel=sms"), 0);
	ck_assert_int_eq(RULE("category=羽绒服 | 大衣", "segment=c",
	    "channel=sms"), 0);
	ck_assert_int_eq(RULE("stage=balance", "segment=b", "channel=sms"), 0);
	ck_assert_int_eq(RULE("keyword=定金|预售", "segment=k", "channel=sms"), 0);
	ck_assert_int_eq(RULE("segment=rest", "channel=wangwang"), 0);

	ck_assert_str_eq(matched(&f), "rest");
	f.role = SEG_ROLE_PROFIT;
	ck_assert_str_eq(matched(&f), "r");
	f.role = SEG_ROLE_PROMO;
	ck_assert_str_eq(matched(&f), "rest");
	f.category = "大衣";
	f.category_len = strlen("大衣");
	ck_assert_str_eq(matched(&f), "c");
	/* Categories match whole, not in part. */
	f.category = "大衣柜";
	f.category_len = strlen("大衣柜");
	ck_assert_str_eq(matched(&f), "rest");
	f.stage = SEG_STAGE_BALANCE;
	ck_assert_str_eq(matched(&f), "b");
	f.stage = SEG_STAGE_ORDER;
	f.item = "双11预售 羽绒服";
	f.item_len = strlen(f.item);
	ck_assert_str_eq(matched(&f), "k");
}
END_TEST

START_TEST(role_condition_needs_a_role)
{
	struct seg_facts f = facts();

	/* An order without an item match has no role: a role rule never
	 * matches it. */
	ck_assert_int_eq(RULE("role=活动", "segment=promo", "channel=sms"), 0);
	f.role = SEG_ROLE_NONE;
	ck_assert_str_eq(matched(&f), "(none)");
	f.role = SEG_ROLE_PROMO;
	ck_assert_str_eq(matched(&f), "promo");
}
END_TEST

START_TEST(hours_since_order)
{
	struct seg_facts f = facts();

	ck_assert_int_eq(RULE("hours_max=0.5", "segment=fresh", "channel=none"), 0);
	ck_assert_int_eq(RULE("hours_min=0.5", "hours_max=24", "segment=day",
	    "channel=wangwang"), 0);
	ck_assert_int_eq(RULE("hours_min=24", "segment=old", "channel=sms"), 0);
	ck_assert(rs.uses_age);
	f.has_age = false;
	ck_assert_str_eq(matched(&f), "(none)");
	f.has_age = true;
	f.age = 0;
	ck_assert_str_eq(matched(&f), "fresh");
	f.age = 1799;
	ck_assert_str_eq(matched(&f), "fresh");
	f.age = 1800;
	ck_assert_str_eq(matched(&f), "day");
	f.age = 86399;
	ck_assert_str_eq(matched(&f), "day");
	f.age = 86400;
	ck_assert_str_eq(matched(&f), "old");
}
END_TEST

START_TEST(no_age_condition_no_uses_age)
{
	seg_rules_builtin(&rs, SEG_SMALL_DEFAULT, SEG_BIG_DEFAULT);
	ck_assert(!rs.uses_age);
}
END_TEST

START_TEST(first_match_wins)
{
	struct seg_facts f = facts();
	const struct seg_rule *r;

	ck_assert_int_eq(RULE("amount_min=100", "segment=a", "channel=sms",
	    "priority=10"), 0);
	ck_assert_int_eq(RULE("amount_min=50", "segment=b", "channel=sms",
	    "priority=99"), 0);
	r = seg_rules_match(&rs, &f);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->segment, "a");
	ck_assert_uint_eq(r->index, 0);
	ck_assert_int_eq(r->priority, 10);
	f.amount = 6000;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "b");
	ck_assert_uint_eq(r->index, 1);
}
END_TEST

START_TEST(parse_errors)
{
	static const struct {
		const char	*pairs[4];
		const char	*msg;
	} bad[] = {
		{ { "segment=x", NULL }, "channel is empty" },
		{ { "channel=sms", NULL }, "segment is empty" },
		{ { "segment=x", "channel=fax", NULL },
		    "channel \"fax\": must be wangwang, sms, phone or none" },
		{ { "segment=x", "channel=sms", "tier_min=黄金", NULL },
		    "tier_min \"黄金\": not a member tier (0-4, or 非会员, 普通会员, 高级会员, VIP会员, 至尊VIP)" },
		{ { "segment=x", "channel=sms", "tier_max=9", NULL },
		    "tier_max \"9\": not a member tier (0-4, or 非会员, 普通会员, 高级会员, VIP会员, 至尊VIP)" },
		{ { "segment=x", "channel=sms", "role=爆款", NULL },
		    "role \"爆款\": must be 引流, 利润, 活动 or 独家" },
		{ { "segment=x", "channel=sms", "stage=deposit", NULL },
		    "stage \"deposit\": must be order or balance" },
		{ { "segment=x", "channel=sms", "amount_min=abc", NULL },
		    "amount_min \"abc\": not an amount of money" },
		{ { "segment=x", "channel=sms", "amount_max=-5", NULL },
		    "amount_max \"-5\": not an amount of money" },
		{ { "segment=x", "channel=sms", "hours_min=2h", NULL },
		    "hours_min \"2h\": not a number of hours (such as 2 or 0.5)" },
		{ { "segment=x", "channel=sms", "hours_max=0.125", NULL },
		    "hours_max \"0.125\": not a number of hours (such as 2 or 0.5)" },
		{ { "segment=x", "channel=sms", "priority=101", NULL },
		    "priority \"101\": must be a whole number from 0 to 100" },
		{ { "segment=x", "channel=sms", "priority=high", NULL },
		    "priority \"high\": must be a whole number from 0 to 100" },
		{ { "segment=x", "tier_min=3", "tier_max=1", NULL },
		    "tier_min 3 is above tier_max 1" },
		{ { "segment=x", "amount_min=500", "amount_max=10", NULL },
		    "amount_min 500.00 is not below amount_max 10.00" },
		{ { "segment=x", "hours_min=2", "hours_max=2", NULL },
		    "hours_min is not below hours_max" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(rule(bad[i].pairs), -1);
		ck_assert_str_eq(err.data, bad[i].msg);
	}
	ck_assert_uint_eq(rs.n, 0);
}
END_TEST

START_TEST(values_trimmed_and_defaults)
{
	ck_assert_int_eq(RULE("segment= vip ", "channel= phone ", "template=",
	    "priority="), 0);
	ck_assert_str_eq(rs.v[0].segment, "vip");
	ck_assert_str_eq(rs.v[0].template, "");
	ck_assert_int_eq(rs.v[0].priority, 0);
	ck_assert_int_eq(rs.v[0].tier_min, 0);
	ck_assert_int_eq(rs.v[0].tier_max, 4);
	ck_assert_int_eq(rs.v[0].stage, -1);
	ck_assert_str_eq(rs.v[0].rule, "any order");
}
END_TEST

START_TEST(builtin_rules)
{
	struct seg_facts f = facts();
	const struct seg_rule *r;

	seg_rules_builtin(&rs, 1000, 50000);
	ck_assert_uint_eq(rs.n, 5);
	/* Below --small: skip, even for a balance. */
	f.amount = 999;
	f.stage = SEG_STAGE_BALANCE;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "skip");
	ck_assert_int_eq(r->channel, SEG_CHANNEL_NONE);
	ck_assert_str_eq(r->template, "");
	ck_assert_int_eq(r->priority, 0);
	ck_assert_str_eq(r->rule, "amount below 10.00 yuan: not worth a message");
	f.amount = 1000;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "balance");
	ck_assert_int_eq(r->channel, SEG_CHANNEL_WANGWANG);
	ck_assert_str_eq(r->template, "balance_due");
	ck_assert_int_eq(r->priority, 90);
	/* A balance beats vip_big. */
	f.tier = 4;
	f.amount = 100000;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "balance");
	f.stage = SEG_STAGE_ORDER;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "vip_big");
	ck_assert_int_eq(r->channel, SEG_CHANNEL_PHONE);
	ck_assert_str_eq(r->template, "vip_call");
	ck_assert_int_eq(r->priority, 80);
	ck_assert_str_eq(r->rule, "senior member or above with 500.00 yuan or more: a call");
	f.tier = 2;
	f.amount = 50000;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "vip_big");
	f.amount = 49999;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "standard");
	f.tier = 1;
	f.amount = 90000;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "standard");
	f.role = SEG_ROLE_PROMO;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "promo");
	ck_assert_str_eq(r->template, "promo_urgent");
	ck_assert_int_eq(r->priority, 70);
	/* vip_big comes before promo. */
	f.tier = 3;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "vip_big");
	f.tier = 0;
	f.role = SEG_ROLE_TRAFFIC;
	r = seg_rules_match(&rs, &f);
	ck_assert_str_eq(r->segment, "standard");
	ck_assert_int_eq(r->priority, 50);
	ck_assert_str_eq(r->rule, "every other unpaid order");
}
END_TEST

START_TEST(builtin_small_big)
{
	struct seg_facts f = facts();

	seg_rules_builtin(&rs, 0, 20050);
	f.amount = 0;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "standard");
	f.tier = 2;
	f.amount = 20050;
	ck_assert_str_eq(seg_rules_match(&rs, &f)->segment, "vip_big");
	ck_assert_str_eq(rs.v[2].rule, "senior member or above with 200.50 yuan or more: a call");
}
END_TEST

START_TEST(describe)
{
	static const struct {
		const char	*pairs[6];
		const char	*words;
	} d[] = {
		{ { "tier_min=2", "amount_min=500", NULL },
		    "tier 2 or above and amount 500.00 or more" },
		{ { "tier_max=1", NULL }, "tier 1 or below" },
		{ { "tier_min=1", "tier_max=3", NULL }, "tier 1 to 3" },
		{ { "tier_min=3", "tier_max=3", NULL }, "tier 3" },
		{ { "role=独家|引流", "stage=order", NULL },
		    "role 引流 or 独家 and stage order" },
		{ { "category=女装|童装", "keyword=预售", NULL },
		    "category 女装 or 童装 and title contains 预售" },
		{ { "amount_min=10", "amount_max=99.9", NULL },
		    "amount 10.00 to below 99.90" },
		{ { "amount_max=10", NULL }, "amount below 10.00" },
		{ { "hours_min=0.5", NULL }, "ordered 0.5 hours ago or more" },
		{ { "hours_max=72", NULL }, "ordered less than 72 hours ago" },
		{ { "hours_min=1.25", "hours_max=2", NULL },
		    "ordered 1.25 to 2 hours ago" },
		{ { "tier_min=0", "tier_max=4", NULL }, "any order" },
	};

	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		const char *pairs[8];
		size_t n = 0;
		while (d[i].pairs[n] != NULL) {
			pairs[n] = d[i].pairs[n];
			n++;
		}
		pairs[n++] = "segment=s";
		pairs[n++] = "channel=sms";
		pairs[n] = NULL;
		ck_assert_int_eq(rule(pairs), 0);
		ck_assert_str_eq(rs.v[rs.n - 1].rule, d[i].words);
	}
	/* A rule column given is kept as it is. */
	ck_assert_int_eq(RULE("amount_max=10", "segment=s", "channel=sms",
	    "rule=小额不催"), 0);
	ck_assert_str_eq(rs.v[rs.n - 1].rule, "小额不催");
}
END_TEST

START_TEST(values_round_trip)
{
	struct cs_buf b = CS_BUF_INIT;
	struct seg_rules again;
	struct cs_buf e = CS_BUF_INIT;

	ck_assert_int_eq(RULE("tier_min=高级会员", "tier_max=3",
	    "role=活动|traffic", "category=a|b", "stage=尾款",
	    "amount_min=1,000", "amount_max=2000.5", "keyword=x|y",
	    "hours_min=0.25", "hours_max=48", "segment=seg", "channel=电话",
	    "template=tpl", "priority=77", "rule=words"), 0);
	static const char *const want[SEG_NCOLS] = { "2", "3", "引流|活动",
		"a|b", "balance", "1000.00", "2000.50", "x|y", "0.25", "48",
		"seg", "phone", "tpl", "77", "words" };
	const char *vals[SEG_NCOLS];
	size_t lens[SEG_NCOLS];
	char store[SEG_NCOLS][64];
	for (int c = 0; c < SEG_NCOLS; c++) {
		seg_rule_value(&rs.v[0], (enum seg_rule_col)c, &b);
		ck_assert_str_eq(b.data, want[c]);
		memcpy(store[c], b.data, b.len + 1);
		vals[c] = store[c];
		lens[c] = b.len;
	}
	/* Read back, the values are the same. */
	seg_rules_init(&again);
	ck_assert_int_eq(seg_rules_add(&again, vals, lens, &e), 0);
	for (int c = 0; c < SEG_NCOLS; c++) {
		seg_rule_value(&again.v[0], (enum seg_rule_col)c, &b);
		ck_assert_str_eq(b.data, want[c]);
	}
	/* Unbounded columns are written empty. */
	ck_assert_int_eq(RULE("segment=s", "channel=none"), 0);
	for (int c = 0; c < SEG_COL_SEGMENT; c++) {
		seg_rule_value(&rs.v[1], (enum seg_rule_col)c, &b);
		ck_assert_str_eq(b.data, "");
	}
	seg_rules_free(&again);
	cs_buf_free(&b);
	cs_buf_free(&e);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("segment-rules");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, tier_range);
	tcase_add_test(tc, amount_range_half_open);
	tcase_add_test(tc, role_category_stage_keyword);
	tcase_add_test(tc, role_condition_needs_a_role);
	tcase_add_test(tc, hours_since_order);
	tcase_add_test(tc, no_age_condition_no_uses_age);
	tcase_add_test(tc, first_match_wins);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, values_trimmed_and_defaults);
	tcase_add_test(tc, builtin_rules);
	tcase_add_test(tc, builtin_small_big);
	tcase_add_test(tc, describe);
	tcase_add_test(tc, values_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-segment-rules", suite)
