/*
 * cs-chase SMS counting: characters as UCS-2, 70 in one message, 67 a
 * part beyond.
 */
#include "config.h"

#include "ck.h"
#include "sms.h"

START_TEST(test_chars)
{
	ck_assert_uint_eq(chase_sms_chars("", 0), 0);
	ck_assert_uint_eq(chase_sms_chars("abc", 3), 3);
	ck_assert_uint_eq(chase_sms_chars("亲，您好", strlen("亲，您好")), 4);
	ck_assert_uint_eq(chase_sms_chars("【店】¥1.00", strlen("【店】¥1.00")), 8);
	/* Outside the BMP: two UCS-2 units. */
	ck_assert_uint_eq(chase_sms_chars("😀a", strlen("😀a")), 3);
	/* Invalid bytes: one each. */
	ck_assert_uint_eq(chase_sms_chars("\xff\xfe" "a", 3), 3);
}
END_TEST

START_TEST(test_parts)
{
	ck_assert_uint_eq(chase_sms_parts(0), 0);
	ck_assert_uint_eq(chase_sms_parts(1), 1);
	ck_assert_uint_eq(chase_sms_parts(70), 1);
	ck_assert_uint_eq(chase_sms_parts(71), 2);
	ck_assert_uint_eq(chase_sms_parts(134), 2);
	ck_assert_uint_eq(chase_sms_parts(135), 3);
	ck_assert_uint_eq(chase_sms_parts(201), 3);
	ck_assert_uint_eq(chase_sms_parts(202), 4);
}
END_TEST

START_TEST(test_chinese_text)
{
	char text[400];
	size_t n = 0;

	/* 71 Chinese characters: two parts. */
	for (int i = 0; i < 71; i++) {
		memcpy(text + n, "亲", 3);
		n += 3;
	}
	ck_assert_uint_eq(chase_sms_chars(text, n), 71);
	ck_assert_uint_eq(chase_sms_parts(chase_sms_chars(text, n)), 2);
	ck_assert_uint_eq(chase_sms_parts(chase_sms_chars(text, n - 3)), 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("chase-sms");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_chars);
	tcase_add_test(tc, test_parts);
	tcase_add_test(tc, test_chinese_text);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-chase-sms", suite)
