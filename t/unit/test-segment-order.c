/*
 * cs-segment orders from lines: the status of a line, joining texts,
 * amounts of sub-order and order-level exports, status and presale stage.
 */
#include "config.h"

#include <string.h>

#include "ck.h"
#include "order.h"

static struct seg_order o;

static struct seg_line
line(const char *id, const char *item, const char *sku, enum cs_status st,
    int64_t amount)
{
	struct seg_line l;

	memset(&l, 0, sizeof l);
	for (int i = 0; i < SEG_NTEXT; i++) {
		l.text[i] = "";
		l.len[i] = 0;
	}
	l.text[SEG_T_ID] = id;
	l.len[SEG_T_ID] = strlen(id);
	l.text[SEG_T_ITEM] = item;
	l.len[SEG_T_ITEM] = strlen(item);
	l.text[SEG_T_SKU] = sku;
	l.len[SEG_T_SKU] = strlen(sku);
	l.status = st;
	l.amount = amount;
	l.tier = -1;
	l.line = 2;
	return l;
}

static void
set(struct seg_line *l, enum seg_text t, const char *s)
{
	l->text[t] = s;
	l->len[t] = strlen(s);
}

static void
setup(void)
{
	seg_order_init(&o);
}

static void
teardown(void)
{
	seg_order_free(&o);
}

START_TEST(status_decide)
{
	/* The status column wins when it has a value. */
	ck_assert_int_eq(seg_status_decide(true, CS_STATUS_PAID, true, false),
	    CS_STATUS_PAID);
	ck_assert_int_eq(seg_status_decide(true, CS_STATUS_UNPAID, true, true),
	    CS_STATUS_UNPAID);
	ck_assert_int_eq(seg_status_decide(true, CS_STATUS_CLOSED, false, false),
	    CS_STATUS_CLOSED);
	/* Without one, paid_at decides. */
	ck_assert_int_eq(seg_status_decide(false, CS_STATUS_UNKNOWN, true, true),
	    CS_STATUS_PAID);
	ck_assert_int_eq(seg_status_decide(false, CS_STATUS_UNKNOWN, true, false),
	    CS_STATUS_UNPAID);
	ck_assert_int_eq(seg_status_decide(false, CS_STATUS_UNKNOWN, false, false),
	    CS_STATUS_UNKNOWN);
}
END_TEST

START_TEST(one_line)
{
	struct seg_line l = line("2547812345678901", "羽绒服", "DJ-1",
	    CS_STATUS_UNPAID, 12800);

	set(&l, SEG_T_BUYER, "tb_alice");
	l.has_created = true;
	l.created = 1000;
	seg_order_start(&o, &l);
	ck_assert(seg_order_same(&o, "2547812345678901", 16));
	ck_assert(!seg_order_same(&o, "254781234567890", 15));
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
	ck_assert_int_eq(o.stage, SEG_STAGE_ORDER);
	ck_assert_int_eq(o.amount, 12800);
	ck_assert_str_eq(o.text[SEG_T_BUYER].data, "tb_alice");
	ck_assert_str_eq(o.text[SEG_T_ITEM].data, "羽绒服");
	ck_assert(o.has_created);
	ck_assert_int_eq(o.created, 1000);
	ck_assert(!o.has_paid);
	ck_assert_uint_eq(o.nlines, 1);
}
END_TEST

START_TEST(sub_order_lines)
{
	struct seg_line a = line("9001", "羽绒服", "DJ-1", CS_STATUS_UNPAID, 39900);
	struct seg_line b = line("9001", "围巾", "WJ-2", CS_STATUS_UNPAID, 5900);
	struct seg_line c = line("9001", "羽绒服", "DJ-1", CS_STATUS_UNPAID, 39900);

	set(&b, SEG_T_BUYER, "tb_bob");
	set(&a, SEG_T_SHOP, "旗舰店");
	set(&b, SEG_T_SHOP, "别的店");
	a.has_created = b.has_created = true;
	a.created = 2000;
	b.created = 1500;
	b.line = 3;
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_add(&o, &c);
	seg_order_finish(&o, true);
	ck_assert_uint_eq(o.nlines, 3);
	ck_assert_int_eq(o.line, 2);
	/* Summed, each line its own amount. */
	ck_assert_int_eq(o.amount, 39900 + 5900 + 39900);
	/* Titles and skus joined, each distinct one once. */
	ck_assert_str_eq(o.text[SEG_T_ITEM].data, "羽绒服" SEG_JOIN "围巾");
	ck_assert_str_eq(o.text[SEG_T_SKU].data, "DJ-1" SEG_JOIN "WJ-2");
	/* Other texts from the first line that has them. */
	ck_assert_str_eq(o.text[SEG_T_BUYER].data, "tb_bob");
	ck_assert_str_eq(o.text[SEG_T_SHOP].data, "旗舰店");
	/* The earliest creation time. */
	ck_assert_int_eq(o.created, 1500);
}
END_TEST

START_TEST(join_is_exact_per_part)
{
	struct seg_line a = line("1", "羽绒服", "A", CS_STATUS_UNPAID, 100);
	struct seg_line b = line("1", "羽绒", "AB", CS_STATUS_UNPAID, 100);
	struct seg_line c = line("1", "", "", CS_STATUS_UNPAID, 100);
	struct seg_line d = line("1", "羽绒服", "A", CS_STATUS_UNPAID, 100);

	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_add(&o, &c);
	seg_order_add(&o, &d);
	/* 羽绒 is a part of 羽绒服 but another title; empty ones add nothing. */
	ck_assert_str_eq(o.text[SEG_T_ITEM].data, "羽绒服" SEG_JOIN "羽绒");
	ck_assert_str_eq(o.text[SEG_T_SKU].data, "A" SEG_JOIN "AB");
}
END_TEST

START_TEST(order_level_amounts)
{
	struct seg_line a = line("7", "x", "", CS_STATUS_UNPAID, 29900);
	struct seg_line b = line("7", "y", "", CS_STATUS_UNPAID, 29900);

	/* JD: every line repeats the order's amount. */
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.amount, 29900);
	/* The same lines in a sub-order export: summed. */
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.amount, 59800);
	/* Different amounts without sub-order ids: line amounts, summed. */
	b.amount = 100;
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.amount, 30000);
}
END_TEST

START_TEST(closed_lines_not_counted)
{
	struct seg_line a = line("6", "保温杯", "BW", CS_STATUS_UNPAID, 9800);
	struct seg_line b = line("6", "杯刷", "BS", CS_STATUS_CLOSED, 500);

	/* An item taken out of an unpaid order: not in the amount. */
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
	ck_assert_int_eq(o.amount, 9800);
	ck_assert_str_eq(o.text[SEG_T_ITEM].data, "保温杯" SEG_JOIN "杯刷");
	/* Closed first, then open. */
	seg_order_start(&o, &b);
	seg_order_add(&o, &a);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.amount, 9800);
	/* Every line closed: the whole amount. */
	a.status = CS_STATUS_CLOSED;
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.status, CS_STATUS_CLOSED);
	ck_assert_int_eq(o.amount, 10300);
}
END_TEST

START_TEST(status_of_lines)
{
	struct seg_line a = line("5", "", "", CS_STATUS_CLOSED, 100);
	struct seg_line b = line("5", "", "", CS_STATUS_PAID, 100);
	struct seg_line c = line("5", "", "", CS_STATUS_UNPAID, 100);

	seg_order_start(&o, &a);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.status, CS_STATUS_CLOSED);
	seg_order_add(&o, &b);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.status, CS_STATUS_PAID);
	seg_order_add(&o, &c);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
}
END_TEST

START_TEST(presale_balance)
{
	struct seg_line a = line("8", "预售羽绒服", "", CS_STATUS_UNPAID, 59900);

	a.presale = SEG_PRESALE_BALANCE_UNPAID;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
	ck_assert_int_eq(o.stage, SEG_STAGE_BALANCE);
	/* The stage information beats a status that says paid... */
	a.status = CS_STATUS_PAID;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
	ck_assert_int_eq(o.stage, SEG_STAGE_BALANCE);
	/* ...but not one that says closed. */
	a.status = CS_STATUS_CLOSED;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_CLOSED);
	ck_assert_int_eq(o.stage, SEG_STAGE_ORDER);
	/* A deposit unpaid: the order is unpaid, stage order. */
	a.status = CS_STATUS_PAID;
	a.presale = SEG_PRESALE_DEPOSIT_UNPAID;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
	ck_assert_int_eq(o.stage, SEG_STAGE_ORDER);
	/* Every stage paid: the status decides. */
	a.presale = SEG_PRESALE_PAID;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.status, CS_STATUS_PAID);
}
END_TEST

START_TEST(presale_across_lines)
{
	struct seg_line a = line("8", "", "", CS_STATUS_UNPAID, 100);
	struct seg_line b = line("8", "", "", CS_STATUS_UNPAID, 100);

	a.presale = SEG_PRESALE_PAID;
	b.presale = SEG_PRESALE_BALANCE_UNPAID;
	seg_order_start(&o, &a);
	seg_order_add(&o, &b);
	seg_order_finish(&o, true);
	ck_assert_int_eq(o.presale, SEG_PRESALE_BALANCE_UNPAID);
	ck_assert_int_eq(o.stage, SEG_STAGE_BALANCE);
}
END_TEST

START_TEST(stage_column_read_back)
{
	struct seg_line a = line("3", "", "", CS_STATUS_UNPAID, 100);

	/* cs-segment's own output read back: stage balance stays. */
	a.balance = true;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.stage, SEG_STAGE_BALANCE);
	a.status = CS_STATUS_PAID;
	seg_order_start(&o, &a);
	seg_order_finish(&o, false);
	ck_assert_int_eq(o.stage, SEG_STAGE_ORDER);
}
END_TEST

START_TEST(tier_role_first_given)
{
	struct seg_line a = line("4", "", "", CS_STATUS_UNPAID, 100);
	struct seg_line b = line("4", "", "", CS_STATUS_UNPAID, 100);

	b.tier = 3;
	b.role = SEG_ROLE_PROMO;
	seg_order_start(&o, &a);
	ck_assert_int_eq(o.tier, -1);
	seg_order_add(&o, &b);
	ck_assert_int_eq(o.tier, 3);
	ck_assert_int_eq(o.role, SEG_ROLE_PROMO);
}
END_TEST

START_TEST(start_forgets)
{
	struct seg_line a = line("1", "很长的标题", "SKU-LONG", CS_STATUS_PAID, 100);
	struct seg_line b = line("2", "短", "S", CS_STATUS_UNPAID, 5);

	a.has_paid = true;
	a.paid = 99;
	seg_order_start(&o, &a);
	seg_order_add(&o, &a);
	seg_order_start(&o, &b);
	seg_order_finish(&o, true);
	ck_assert_str_eq(o.text[SEG_T_ID].data, "2");
	ck_assert_str_eq(o.text[SEG_T_ITEM].data, "短");
	ck_assert_str_eq(o.text[SEG_T_SKU].data, "S");
	ck_assert(!o.has_paid);
	ck_assert_uint_eq(o.nlines, 1);
	ck_assert_int_eq(o.amount, 5);
	ck_assert_int_eq(o.status, CS_STATUS_UNPAID);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("segment-order");
	TCase *tc = tcase_create("order");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, status_decide);
	tcase_add_test(tc, one_line);
	tcase_add_test(tc, sub_order_lines);
	tcase_add_test(tc, join_is_exact_per_part);
	tcase_add_test(tc, order_level_amounts);
	tcase_add_test(tc, closed_lines_not_counted);
	tcase_add_test(tc, status_of_lines);
	tcase_add_test(tc, presale_balance);
	tcase_add_test(tc, presale_across_lines);
	tcase_add_test(tc, stage_column_read_back);
	tcase_add_test(tc, tier_role_first_given);
	tcase_add_test(tc, start_forgets);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-segment-order", suite)
