/*
 * Terminal widths: ASCII, CJK, full-width punctuation, emoji, combining
 * marks, control characters and invalid bytes.
 */
#include "config.h"

#include <stdint.h>

#include "ck.h"
#include "width.h"

struct width_case {
	const char	*s;
	size_t		 width;
};

static const struct width_case cases[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "Order ID", 8 },
	{ "中文", 4 },
	{ "订单编号", 8 },
	{ "a中b", 4 },
	{ "张三 (VIP)", 10 },
	/* Full-width punctuation and forms. */
	{ "，。！？", 8 },
	{ "（元）", 6 },
	{ "【元】", 6 },
	{ "￥128", 5 },
	{ "１２８", 6 },			/* full-width digits */
	{ "\xE3\x80\x80", 2 },		/* ideographic space */
	{ "「」", 4 },
	/* Kana, hangul, rare CJK (plane 2). */
	{ "カナ", 4 },
	{ "한국", 4 },
	{ "\xF0\xA0\x80\x80", 2 },	/* U+20000 */
	/* Emoji: two columns; modifiers and joiners none. */
	{ "😀", 2 },
	{ "👍", 2 },
	{ "👍\xF0\x9F\x8F\xBD", 2 },	/* thumbs up, skin tone */
	{ "✅", 2 },
	/* Combining marks add nothing. */
	{ "e\xCC\x81", 1 },		/* e + U+0301 */
	{ "a\xE2\x80\x8B" "b", 2 },	/* zero-width space */
	{ "\xEF\xBB\xBF" "a", 1 },	/* BOM */
	/* Narrow non-ASCII. */
	{ "é", 1 },
	{ "½", 1 },
	{ "→", 1 },
	{ "\xC2\xA0", 1 },		/* no-break space */
	/* Control characters take nothing. */
	{ "a\tb", 2 },
	{ "\r\n", 0 },
	{ "\x7f", 0 },
	{ "\xC2\x85", 0 },		/* U+0085 */
	/* Invalid bytes: one column each, so a misdecoded file lines up. */
	{ "\xFF", 1 },
	{ "\xB6\xA9\xB5\xA5", 4 },	/* 订单 in GBK */
	{ "\xE4\xB8", 2 },		/* cut-off 中 */
	{ "\xE4\xB8" "a", 3 },
	{ "\xC0\x80", 2 },		/* overlong NUL */
	{ "\xED\xA0\x80", 3 },		/* a surrogate */
	{ "\xF4\x90\x80\x80", 4 },	/* past U+10FFFF */
	{ "\xF8\x88\x80\x80\x80", 5 },
	{ "\x80" "中", 3 },
};

START_TEST(test_width)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct width_case *c = &cases[i];
		size_t w = cs_width(c->s, strlen(c->s));

		ck_assert_msg(w == c->width, "\"%s\" (case %zu): %zu, expected %zu",
		    c->s, i, w, c->width);
	}
}
END_TEST

/* The length bounds the text: a NUL inside counts as a control, and a
 * character cut by the length counts as invalid bytes. */
START_TEST(test_width_length)
{
	ck_assert_uint_eq(cs_width("a\0b", 3), 2);
	ck_assert_uint_eq(cs_width("中文", 3), 2);
	ck_assert_uint_eq(cs_width("中文", 4), 3);
	ck_assert_uint_eq(cs_width("中文", 0), 0);
}
END_TEST

START_TEST(test_char_width)
{
	ck_assert_int_eq(cs_char_width('A'), 1);
	ck_assert_int_eq(cs_char_width(0), 0);
	ck_assert_int_eq(cs_char_width(0x1F), 0);
	ck_assert_int_eq(cs_char_width(0x7F), 0);
	ck_assert_int_eq(cs_char_width(0x9F), 0);
	ck_assert_int_eq(cs_char_width(0xA0), 1);
	ck_assert_int_eq(cs_char_width(0x0301), 0);
	ck_assert_int_eq(cs_char_width(0x1100), 2);
	ck_assert_int_eq(cs_char_width(0x3000), 2);
	ck_assert_int_eq(cs_char_width(0x303F), 1);
	ck_assert_int_eq(cs_char_width(0x4E00), 2);
	ck_assert_int_eq(cs_char_width(0x9FFF), 2);
	ck_assert_int_eq(cs_char_width(0xAC00), 2);
	ck_assert_int_eq(cs_char_width(0xD7A4), 1);
	ck_assert_int_eq(cs_char_width(0xFEFF), 0);
	ck_assert_int_eq(cs_char_width(0xFF01), 2);
	ck_assert_int_eq(cs_char_width(0xFF61), 1);	/* half-width 。 */
	ck_assert_int_eq(cs_char_width(0xFFE5), 2);
	ck_assert_int_eq(cs_char_width(0xFFFD), 1);
	ck_assert_int_eq(cs_char_width(0x1F600), 2);
	ck_assert_int_eq(cs_char_width(0x1F3FB), 0);
	ck_assert_int_eq(cs_char_width(0x20000), 2);
	ck_assert_int_eq(cs_char_width(0x3FFFD), 2);
	ck_assert_int_eq(cs_char_width(0xE0100), 0);
	ck_assert_int_eq(cs_char_width(0x10FFFF), 1);
}
END_TEST

START_TEST(test_decode)
{
	uint32_t cp;

	ck_assert_uint_eq(cs_utf8_decode("A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_uint_eq(cs_utf8_decode("\xC3\xA9", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(cs_utf8_decode("中", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x4E2D);
	ck_assert_uint_eq(cs_utf8_decode("😀", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
	ck_assert_uint_eq(cs_utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x10FFFF);
	/* Invalid: one byte, U+FFFD. */
	ck_assert_uint_eq(cs_utf8_decode("中", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\x80", 1, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xC1\xBF", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xE0\x80\xAF", 3, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xF0\x80\x80\xAF", 4, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xED\xBF\xBF", 3, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xE4\x41\xAD", 3, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xF5\x80\x80\x80", 4, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cs_utf8_decode("\xFE", 1, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
}
END_TEST

static Suite *
width_suite(void)
{
	Suite *s = suite_create("width");
	TCase *tc = tcase_create("width");

	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_width_length);
	tcase_add_test(tc, test_char_width);
	tcase_add_test(tc, test_decode);
	suite_add_tcase(s, tc);
	return s;
}

CS_CHECK_MAIN("test-width", width_suite)
