/*
 * cs-chase assignment: agent lists, channel lists and the smooth weighted
 * round-robin per channel.
 */
#include "config.h"

#include "assign.h"
#include "ck.h"

/* The names of the next n agents on channel ch, joined. */
static const char *
deal(struct chase_agents *s, int ch, int n)
{
	static char buf[256];
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		long a = chase_agents_next(s, ch);
		const char *name = a >= 0 ? s->a[a].name : "-";
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s",
		    i > 0 ? " " : "", name);
	}
	return buf;
}

START_TEST(test_weighted)
{
	struct chase_agents s;

	chase_agents_init(&s);
	ck_assert_int_eq(chase_agents_parse_list(&s, "A:2,B"), 0);
	ck_assert_uint_eq(s.n, 2);
	/* 2:1, spread out, never A A B in a burst at the start. */
	ck_assert_str_eq(deal(&s, CHASE_WANGWANG, 6), "A B A A B A");
	chase_agents_free(&s);

	chase_agents_init(&s);
	ck_assert_int_eq(chase_agents_parse_list(&s, "A:5,B:1,C:1"), 0);
	ck_assert_str_eq(deal(&s, CHASE_SMS, 7), "A A B A C A A");
	chase_agents_free(&s);
}
END_TEST

START_TEST(test_channels)
{
	struct chase_agents s;

	chase_agents_init(&s);
	ck_assert_int_eq(chase_agents_parse_list(&s,
	    "小美:2:wangwang+sms,阿杰:1:phone/wangwang,阿明:0"), 0);
	ck_assert_uint_eq(s.a[0].channels, (1u << CHASE_WANGWANG) | (1u << CHASE_SMS));
	ck_assert_uint_eq(s.a[1].channels, (1u << CHASE_WANGWANG) | (1u << CHASE_PHONE));
	ck_assert_uint_eq(s.a[2].channels, CHASE_ALL_CHANNELS);
	ck_assert_int_eq(s.a[2].weight, 0);
	/* Phone: only 阿杰; sms: only 小美; 阿明 (weight 0) never. */
	ck_assert_str_eq(deal(&s, CHASE_PHONE, 3), "阿杰 阿杰 阿杰");
	ck_assert_str_eq(deal(&s, CHASE_SMS, 2), "小美 小美");
	ck_assert_str_eq(deal(&s, CHASE_WANGWANG, 3), "小美 阿杰 小美");
	ck_assert_int_eq(chase_agents_find(&s, "阿明", strlen("阿明")), 2);
	ck_assert_int_eq(chase_agents_find(&s, "阿", strlen("阿")), -1);
	chase_agents_free(&s);

	chase_agents_init(&s);
	ck_assert_int_eq(chase_agents_parse_list(&s, "A:1:sms"), 0);
	ck_assert_int_eq(chase_agents_next(&s, CHASE_PHONE), -1);
	chase_agents_free(&s);
}
END_TEST

START_TEST(test_channel_lists)
{
	unsigned m;

	ck_assert_int_eq(chase_channels_parse("", 0, &m), 0);
	ck_assert_uint_eq(m, CHASE_ALL_CHANNELS);
	ck_assert_int_eq(chase_channels_parse("all", 3, &m), 0);
	ck_assert_uint_eq(m, CHASE_ALL_CHANNELS);
	ck_assert_int_eq(chase_channels_parse("旺旺/电话", strlen("旺旺/电话"), &m), 0);
	ck_assert_uint_eq(m, (1u << CHASE_WANGWANG) | (1u << CHASE_PHONE));
	ck_assert_int_eq(chase_channels_parse("sms; phone", 10, &m), 0);
	ck_assert_uint_eq(m, (1u << CHASE_SMS) | (1u << CHASE_PHONE));
	ck_assert_int_eq(chase_channels_parse("短信、旺旺", strlen("短信、旺旺"), &m), 0);
	ck_assert_uint_eq(m, (1u << CHASE_SMS) | (1u << CHASE_WANGWANG));
	ck_assert_int_eq(chase_channels_parse("wangwang,fax", 12, &m), -1);
	ck_assert_int_eq(chase_channels_parse("none", 4, &m), -1);
	ck_assert_int_eq(chase_channels_parse("+", 1, &m), -1);
}
END_TEST

START_TEST(test_list_errors)
{
	static const char *const bad[] = { "", "A,", ",A", "A:x", "A:-1",
		"A:1001", "A:2:fax", "A,A", ":2", NULL };

	for (int i = 0; bad[i] != NULL; i++) {
		struct chase_agents s;
		chase_agents_init(&s);
		ck_assert_msg(chase_agents_parse_list(&s, bad[i]) == -1, "%s",
		    bad[i]);
		chase_agents_free(&s);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-assign");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_weighted);
	tcase_add_test(tc, test_channels);
	tcase_add_test(tc, test_channel_lists);
	tcase_add_test(tc, test_list_errors);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-assign", suite)
