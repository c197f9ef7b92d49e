/*
 * Tiers, roles, channels, stages and presale stage information.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "value.h"
#include "values.h"

struct word {
	const char	*text;
	int		 value;
};

/* Look s up in a table ending with a NULL text; ASCII case is ignored. */
static int
lookup(const struct word *t, const char *s, size_t n, int *v)
{
	cs_trim(&s, &n);
	if (n == 0)
		return CS_VALUE_EMPTY;
	for (size_t i = 0; t[i].text != NULL; i++)
		if (strlen(t[i].text) == n && strncasecmp(t[i].text, s, n) == 0) {
			*v = t[i].value;
			return 0;
		}
	return CS_VALUE_INVALID;
}

/*
 * Member tiers 0-4 as Taobao CRM tools name them (Shuyun CCMS: 1 普通会员,
 * 2 高级会员, 3 VIP会员, 4 至尊VIP; grade 0 is 新客户 or 未分级), their
 * numbers, and English names.
 */
static const struct word tiers[] = {
	{ "0", 0 }, { "非会员", 0 }, { "新客户", 0 }, { "未分级", 0 },
	{ "none", 0 },
	{ "1", 1 }, { "普通会员", 1 }, { "regular", 1 },
	{ "2", 2 }, { "高级会员", 2 }, { "senior", 2 },
	{ "3", 3 }, { "VIP会员", 3 }, { "VIP", 3 },
	{ "4", 4 }, { "至尊VIP", 4 }, { "至尊VIP会员", 4 }, { "svip", 4 },
	{ NULL, 0 }
};

static const char *const tier_names[] = { "非会员", "普通会员", "高级会员",
	"VIP会员", "至尊VIP" };

/* Parse a member tier into 0..SEG_TIER_MAX. */
int
seg_tier_parse(const char *s, size_t n, int *tier)
{
	return lookup(tiers, s, n, tier);
}

/* The Chinese name of tier 0..4 ("" out of range). */
const char *
seg_tier_name(int tier)
{
	return tier >= 0 && tier <= SEG_TIER_MAX ? tier_names[tier] : "";
}

static const struct word roles[] = {
	{ "引流", SEG_ROLE_TRAFFIC }, { "traffic", SEG_ROLE_TRAFFIC },
	{ "利润", SEG_ROLE_PROFIT }, { "profit", SEG_ROLE_PROFIT },
	{ "活动", SEG_ROLE_PROMO }, { "promo", SEG_ROLE_PROMO },
	{ "独家", SEG_ROLE_EXCLUSIVE }, { "exclusive", SEG_ROLE_EXCLUSIVE },
	{ NULL, 0 }
};

static const char *const role_names[SEG_NROLES] = { "", "引流", "利润",
	"活动", "独家" };

/* Parse a product role: 引流 利润 活动 独家, or traffic profit promo exclusive. */
int
seg_role_parse(const char *s, size_t n, enum seg_role *role)
{
	int v, rc = lookup(roles, s, n, &v);

	if (rc == 0)
		*role = (enum seg_role)v;
	return rc;
}

/* The role as cs-segment writes it: its Chinese name, "" for none. */
const char *
seg_role_name(enum seg_role role)
{
	return role < SEG_NROLES ? role_names[role] : "";
}

static const struct word channels[] = {
	{ "wangwang", SEG_CHANNEL_WANGWANG }, { "旺旺", SEG_CHANNEL_WANGWANG },
	{ "sms", SEG_CHANNEL_SMS }, { "短信", SEG_CHANNEL_SMS },
	{ "phone", SEG_CHANNEL_PHONE }, { "电话", SEG_CHANNEL_PHONE },
	{ "none", SEG_CHANNEL_NONE }, { "不催", SEG_CHANNEL_NONE },
	{ NULL, 0 }
};

static const char *const channel_names[SEG_NCHANNELS] = { "wangwang", "sms",
	"phone", "none" };

/* Parse a chase channel: wangwang sms phone none (or 旺旺 短信 电话 不催). */
int
seg_channel_parse(const char *s, size_t n, enum seg_channel *ch)
{
	int v, rc = lookup(channels, s, n, &v);

	if (rc == 0)
		*ch = (enum seg_channel)v;
	return rc;
}

/* The channel's name: wangwang, sms, phone or none. */
const char *
seg_channel_name(enum seg_channel ch)
{
	return ch < SEG_NCHANNELS ? channel_names[ch] : "";
}

static const struct word stages[] = {
	{ "order", SEG_STAGE_ORDER }, { "订单", SEG_STAGE_ORDER },
	{ "balance", SEG_STAGE_BALANCE }, { "尾款", SEG_STAGE_BALANCE },
	{ NULL, 0 }
};

/* Parse a stage: order or balance (订单, 尾款). */
int
seg_stage_parse(const char *s, size_t n, enum seg_stage *st)
{
	int v, rc = lookup(stages, s, n, &v);

	if (rc == 0)
		*st = (enum seg_stage)v;
	return rc;
}

/* The stage's name: order or balance. */
const char *
seg_stage_name(enum seg_stage st)
{
	return st == SEG_STAGE_BALANCE ? "balance" : "order";
}

static bool
has_any(const char *s, size_t n, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++)
		if (cs_contains(s, n, words[i]))
			return true;
	return false;
}

/* Words of one stage's payment state, unpaid checked first. */
static const char *const stage_unpaid[] = { "等待买家付款", "待付款", "未付",
	"待支付", "未支付", "NOPAID", "WAIT_BUYER_PAY", NULL };
static const char *const stage_paid[] = { "已付", "已支付", "付款成功",
	"已发货", "交易成功", "交易完成", "PAID", NULL };

enum stage_state { ST_UNKNOWN, ST_UNPAID, ST_PAID };

static enum stage_state
stage_state(const char *s, size_t n)
{
	if (has_any(s, n, stage_unpaid))
		return ST_UNPAID;
	if (has_any(s, n, stage_paid))
		return ST_PAID;
	return ST_UNKNOWN;
}

/* The next stage of a ';'-separated list (ASCII or full-width). */
static bool
next_stage(const char **p, const char *end, const char **s, size_t *n)
{
	static const char fw[] = "\xEF\xBC\x9B";	/* ； */

	while (*p < end) {
		const char *a = *p, *b = a;
		size_t sep = 0;
		while (b < end) {
			if (*b == ';') {
				sep = 1;
				break;
			}
			if ((size_t)(end - b) >= 3 && memcmp(b, fw, 3) == 0) {
				sep = 3;
				break;
			}
			b++;
		}
		*p = b + sep;
		*s = a;
		*n = (size_t)(b - a);
		cs_trim(s, n);
		if (*n > 0)
			return true;
	}
	return false;
}

/*
 * Read the stage information of a presale order. A step status decides
 * first, anywhere in the text: FRONT_PAID_FINAL_NOPAID or 定金已付尾款未付
 * (and the other two states); Taobao writes it before the list of stages.
 * Without one, the list of stages (分阶段信息: "定金…交易状态买家已付款;
 * 尾款…交易状态等待买家付款;") is read stage by stage: the first stage
 * unpaid is a deposit unpaid; the first paid and a later one unpaid is a
 * balance unpaid. Anything else is SEG_PRESALE_NONE.
 */
enum seg_presale
seg_presale_parse(const char *s, size_t n)
{
	const char *p, *end, *st;
	size_t stn, nstages = 0;
	enum stage_state first = ST_UNKNOWN;
	bool later_unpaid = false, all_paid = true;

	cs_trim(&s, &n);
	if (n == 0)
		return SEG_PRESALE_NONE;
	if (cs_contains(s, n, "FRONT_NOPAID") || cs_contains(s, n, "定金未付"))
		return SEG_PRESALE_DEPOSIT_UNPAID;
	if (cs_contains(s, n, "FINAL_NOPAID") || cs_contains(s, n, "尾款未付"))
		return SEG_PRESALE_BALANCE_UNPAID;
	if (cs_contains(s, n, "FINAL_PAID") || cs_contains(s, n, "尾款已付") ||
	    cs_contains(s, n, "定金和尾款都付"))
		return SEG_PRESALE_PAID;
	p = s;
	end = s + n;
	while (next_stage(&p, end, &st, &stn)) {
		enum stage_state state = stage_state(st, stn);
		if (nstages == 0)
			first = state;
		else if (state == ST_UNPAID)
			later_unpaid = true;
		all_paid &= state == ST_PAID;
		nstages++;
	}
	if (nstages < 2)
		return SEG_PRESALE_NONE;
	if (first == ST_UNPAID)
		return SEG_PRESALE_DEPOSIT_UNPAID;
	if (first == ST_PAID && later_unpaid)
		return SEG_PRESALE_BALANCE_UNPAID;
	if (all_paid)
		return SEG_PRESALE_PAID;
	return SEG_PRESALE_NONE;
}
