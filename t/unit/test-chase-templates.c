/*
 * cs-chase templates: compiling, rendering, defaults, missing values, the
 * shop's set and the built-in texts.
 */
#include "config.h"

#include "buf.h"
#include "chase.h"
#include "ck.h"
#include "sms.h"
#include "templates.h"

static struct chase_values
values(void)
{
	struct chase_values v;

	memset(&v, 0, sizeof v);
	v.v[CHASE_PH_ITEM] = "羊毛围巾";
	v.n[CHASE_PH_ITEM] = strlen("羊毛围巾");
	v.v[CHASE_PH_AMOUNT] = "128.00";
	v.n[CHASE_PH_AMOUNT] = 6;
	v.v[CHASE_PH_COUNT] = "1";
	v.n[CHASE_PH_COUNT] = 1;
	v.count = 1;
	return v;
}

/* Compile and render text; the missing mask in *missing. */
static const char *
run(const char *text, const struct chase_values *v, unsigned *missing)
{
	static struct cs_buf out = CS_BUF_INIT;
	struct cs_arena a;
	struct chase_template t;
	size_t at, len;

	cs_arena_init(&a);
	ck_assert_int_eq(chase_template_compile(&a, text, strlen(text), &t, &at,
	    &len), 0);
	*missing = chase_template_render(&t, v, &out);
	cs_arena_free(&a);
	return out.data;
}

START_TEST(test_render)
{
	struct chase_values v = values();
	unsigned m;

	ck_assert_str_eq(run("亲，{item}（¥{amount}）", &v, &m),
	    "亲，羊毛围巾（¥128.00）");
	ck_assert_uint_eq(m, 0);
	ck_assert_str_eq(run("", &v, &m), "");
	ck_assert_str_eq(run("{item}{item}", &v, &m), "羊毛围巾羊毛围巾");
	/* Not placeholders: kept as written. */
	ck_assert_str_eq(run("{ {} {{item}} {Item} {item", &v, &m),
	    "{ {} {羊毛围巾} {Item} {item");
	ck_assert_uint_eq(m, 0);
}
END_TEST

START_TEST(test_missing_and_defaults)
{
	struct chase_values v = values();
	unsigned m;

	ck_assert_str_eq(run("【{shop|店铺}】{name}您好", &v, &m), "【店铺】您好");
	ck_assert_uint_eq(m, 1u << CHASE_PH_NAME);
	ck_assert_str_eq(run("{deadline|活动结束}前{minutes_left}{agent|}", &v, &m),
	    "活动结束前");
	ck_assert_uint_eq(m, 1u << CHASE_PH_MINUTES_LEFT);
	/* A value beats the default. */
	v.v[CHASE_PH_SHOP] = "花花";
	v.n[CHASE_PH_SHOP] = strlen("花花");
	ck_assert_str_eq(run("【{shop|店铺}】", &v, &m), "【花花】");
}
END_TEST

START_TEST(test_unknown)
{
	struct cs_arena a;
	struct chase_template t;
	size_t at = 0, len = 0;
	const char *text = "亲，{itme}还没付款";

	cs_arena_init(&a);
	ck_assert_int_eq(chase_template_compile(&a, text, strlen(text), &t, &at,
	    &len), -1);
	ck_assert_uint_eq(at, strlen("亲，"));
	ck_assert_uint_eq(len, 6);
	text = "{foo|默认}";
	ck_assert_int_eq(chase_template_compile(&a, text, strlen(text), &t, &at,
	    &len), -1);
	ck_assert_uint_eq(at, 0);
	ck_assert_uint_eq(len, strlen(text));
	cs_arena_free(&a);
	ck_assert_str_eq(chase_ph_name(CHASE_PH_HOURS_LEFT), "hours_left");
}
END_TEST

START_TEST(test_set)
{
	struct chase_templates set;
	struct chase_values v = values();
	struct cs_buf out = CS_BUF_INIT;
	size_t at, len;
	const struct chase_template *t;

	chase_templates_init(&set);
	ck_assert_ptr_null(chase_templates_find(&set, "x", 1, CHASE_SMS, 1));
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, -1, 0, "any", 3,
	    &at, &len), 0);
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, CHASE_SMS, 0,
	    "sms", 3, &at, &len), 0);
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, -1, CHASE_SWEEP,
	    "sweep", 5, &at, &len), 0);
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, CHASE_SMS,
	    CHASE_SWEEP, "sms sweep", 9, &at, &len), 0);
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, CHASE_SMS, 0,
	    "again", 5, &at, &len), -2);
	ck_assert_int_eq(chase_templates_add(&set, "vip", 3, CHASE_SMS, 2,
	    "{nope}", 6, &at, &len), -1);

	/* The most specific wins; the channel before the step. */
	t = chase_templates_find(&set, "vip", 3, CHASE_SMS, CHASE_SWEEP);
	chase_template_render(t, &v, &out);
	ck_assert_str_eq(out.data, "sms sweep");
	t = chase_templates_find(&set, "vip", 3, CHASE_SMS, 1);
	chase_template_render(t, &v, &out);
	ck_assert_str_eq(out.data, "sms");
	t = chase_templates_find(&set, "vip", 3, CHASE_PHONE, CHASE_SWEEP);
	chase_template_render(t, &v, &out);
	ck_assert_str_eq(out.data, "sweep");
	t = chase_templates_find(&set, "vip", 3, CHASE_PHONE, 2);
	chase_template_render(t, &v, &out);
	ck_assert_str_eq(out.data, "any");
	ck_assert_ptr_null(chase_templates_find(&set, "vi", 2, CHASE_PHONE, 2));
	ck_assert_ptr_null(chase_templates_find(&set, "", 0, CHASE_PHONE, 2));
	cs_buf_free(&out);
	chase_templates_free(&set);
}
END_TEST

static const char *
builtin(const char *seg, int ch, int step, struct chase_values *v)
{
	static struct cs_buf out = CS_BUF_INIT;

	chase_template_render(chase_builtin(seg, strlen(seg), ch, step), v, &out);
	return out.data;
}

START_TEST(test_builtin)
{
	struct chase_values v = values();

	ck_assert(chase_builtin_known("vip_big", 7));
	ck_assert(chase_builtin_known("balance", 7));
	ck_assert(!chase_builtin_known("skip", 4));
	ck_assert_str_eq(builtin("standard", CHASE_WANGWANG, 1, &v),
	    "亲，您在本店拍下的「羊毛围巾」还没有付款哦～库存有限，确认无误的话"
	    "记得早点付款，我们会第一时间为您发货！有问题随时找我哈～");
	/* A later step says the amount. */
	ck_assert(strstr(builtin("standard", CHASE_WANGWANG, 2, &v), "¥128.00") != NULL);
	ck_assert_str_eq(builtin("standard", CHASE_WANGWANG, 2, &v),
	    builtin("standard", CHASE_WANGWANG, 5, &v));
	/* SMS: signature in front, opt-out at the end. */
	ck_assert_str_eq(builtin("standard", CHASE_SMS, 1, &v),
	    "【店铺】亲，您有一笔¥128.00的订单还未付款，库存有限，请尽快付款哦～回T退订");
	/* An unknown segment speaks as standard; a segment without a text
	 * for the channel too. */
	ck_assert_str_eq(builtin("other", CHASE_SMS, 1, &v),
	    builtin("standard", CHASE_SMS, 1, &v));
	ck_assert_str_eq(builtin("promo", CHASE_PHONE, 1, &v),
	    builtin("standard", CHASE_PHONE, 1, &v));
	ck_assert_str_eq(builtin("promo", CHASE_WANGWANG, CHASE_PRECLOSE, &v),
	    builtin("standard", CHASE_WANGWANG, CHASE_PRECLOSE, &v));
	/* The sweep is urgent and counts the minutes. */
	v.v[CHASE_PH_MINUTES_LEFT] = "45";
	v.n[CHASE_PH_MINUTES_LEFT] = 2;
	v.v[CHASE_PH_DEADLINE] = "11月12日 00:00";
	v.n[CHASE_PH_DEADLINE] = strlen("11月12日 00:00");
	ck_assert_str_eq(builtin("promo", CHASE_WANGWANG, CHASE_SWEEP, &v),
	    "亲，活动只剩45分钟啦！您抢到的「羊毛围巾」（¥128.00）11月12日 00:00"
	    "后恢复原价，手慢就没了，快去付款吧！");
	ck_assert(strstr(builtin("balance", CHASE_WANGWANG, 1, &v), "尾款") != NULL);
	ck_assert(strstr(builtin("vip_big", CHASE_PHONE, 1, &v), "专属客服") != NULL);
	/* Several orders: counted, before the SMS opt-out. */
	v.count = 3;
	v.v[CHASE_PH_COUNT] = "3";
	ck_assert_str_eq(builtin("standard", CHASE_SMS, 2, &v),
	    "【店铺】亲，您有一笔¥128.00的订单还未付款，库存有限，请尽快付款哦～"
	    "（共3笔待付款）回T退订");
	ck_assert(strstr(builtin("standard", CHASE_WANGWANG, 1, &v),
	    "您一共有3笔订单待付款") != NULL);
}
END_TEST

START_TEST(test_builtin_complete)
{
	static const char *const segs[] = { "standard", "promo", "vip_big",
		"balance" };
	static const int steps[] = { 1, 2, CHASE_SWEEP, CHASE_PRECLOSE };
	struct chase_values v = values();
	struct cs_buf out = CS_BUF_INIT;

	/* Every segment, channel and step has a text that renders with no
	 * missing value except the deadline's, and fits two SMS parts. */
	v.v[CHASE_PH_DEADLINE] = "11月12日 00:00";
	v.n[CHASE_PH_DEADLINE] = strlen("11月12日 00:00");
	v.v[CHASE_PH_MINUTES_LEFT] = "120";
	v.n[CHASE_PH_MINUTES_LEFT] = 3;
	v.count = 9;
	for (size_t s = 0; s < 4; s++)
		for (int c = 0; c < CHASE_NCHANNELS; c++)
			for (size_t k = 0; k < 4; k++) {
				const struct chase_template *t = chase_builtin(segs[s],
				    strlen(segs[s]), c, steps[k]);
				ck_assert_ptr_nonnull(t);
				ck_assert_uint_eq(chase_template_render(t, &v, &out), 0);
				ck_assert_uint_gt(out.len, 0);
				if (c == CHASE_SMS)
					ck_assert_uint_le(chase_sms_parts(
					    chase_sms_chars(out.data, out.len)), 2);
				ck_assert(strncmp(out.data, "亲", 3) == 0 ||
				    strstr(out.data, "】亲") != NULL ||
				    strstr(out.data, "您好") != NULL ||
				    strstr(out.data, "亲爱的") != NULL);
			}
	cs_buf_free(&out);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-templates");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_render);
	tcase_add_test(tc, test_missing_and_defaults);
	tcase_add_test(tc, test_unknown);
	tcase_add_test(tc, test_set);
	tcase_add_test(tc, test_builtin);
	tcase_add_test(tc, test_builtin_complete);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-templates", suite)
