/*
 * Reason normalisation: an ordered keyword table and a memo of answers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "map.h"
#include "reasons.h"
#include "value.h"
#include "xmalloc.h"

/*
 * The built-in table, in priority order: a reason takes the first keyword
 * it contains. Specific phrases come before the words inside them (页面价格
 * before 价格, 发货 before 慢).
 */
static const struct {
	const char	*keyword;
	const char	*label;
} builtin[] = {
	{ "页面价格", "页面价格错误" }, { "价格错误", "页面价格错误" },
	{ "价格有误", "页面价格错误" }, { "标价错", "页面价格错误" },
	{ "价格标错", "页面价格错误" }, { "价格不一致", "页面价格错误" },
	{ "页面错误", "页面价格错误" }, { "页面不符", "页面价格错误" },
	{ "回复错", "回复错误" }, { "答错", "回复错误" }, { "说错", "回复错误" },
	{ "回答错误", "回复错误" }, { "错误回复", "回复错误" },
	{ "发错链接", "回复错误" }, { "给错", "回复错误" }, { "报错价", "回复错误" },
	{ "答非所问", "未理解问题" }, { "未理解", "未理解问题" },
	{ "没理解", "未理解问题" }, { "不理解", "未理解问题" },
	{ "没听懂", "未理解问题" }, { "没明白", "未理解问题" },
	{ "没搞懂", "未理解问题" }, { "理解错", "未理解问题" },
	{ "误解", "未理解问题" },
	{ "态度", "服务态度" }, { "不耐烦", "服务态度" }, { "敷衍", "服务态度" },
	{ "语气", "服务态度" }, { "不礼貌", "服务态度" }, { "冷淡", "服务态度" },
	{ "爱答不理", "服务态度" }, { "服务差", "服务态度" }, { "rude", "服务态度" },
	{ "产品知识", "产品知识不足" }, { "不了解产品", "产品知识不足" },
	{ "不懂产品", "产品知识不足" }, { "不专业", "产品知识不足" },
	{ "一问三不知", "产品知识不足" }, { "说不清", "产品知识不足" },
	{ "参数不清楚", "产品知识不足" }, { "不清楚", "产品知识不足" },
	{ "缺货", "缺货" }, { "没货", "缺货" }, { "无货", "缺货" },
	{ "断货", "缺货" }, { "断码", "缺货" }, { "库存", "缺货" },
	{ "售罄", "缺货" }, { "卖完", "缺货" }, { "没有货", "缺货" },
	{ "没尺码", "缺货" }, { "没有尺码", "缺货" }, { "没有颜色", "缺货" },
	{ "补货", "缺货" }, { "缺码", "缺货" }, { "没码", "缺货" },
	{ "码没了", "缺货" }, { "码数不全", "缺货" }, { "S码", "缺货" },
	{ "M码", "缺货" }, { "L码", "缺货" }, { "out of stock", "缺货" },
	{ "物流", "物流" }, { "快递", "物流" }, { "发货", "物流" },
	{ "到货", "物流" }, { "配送", "物流" }, { "运费", "物流" },
	{ "邮费", "物流" }, { "包邮", "物流" }, { "偏远", "物流" },
	{ "顺丰", "物流" }, { "shipping", "物流" }, { "delivery", "物流" },
	{ "不及时", "回复不及时" }, { "没及时", "回复不及时" },
	{ "未及时", "回复不及时" }, { "回复慢", "回复不及时" },
	{ "回得慢", "回复不及时" }, { "响应慢", "回复不及时" },
	{ "反应慢", "回复不及时" }, { "太慢", "回复不及时" },
	{ "等太久", "回复不及时" }, { "等了很久", "回复不及时" },
	{ "太久", "回复不及时" }, { "没人回", "回复不及时" },
	{ "无人回复", "回复不及时" }, { "没回", "回复不及时" },
	{ "未回复", "回复不及时" }, { "不回", "回复不及时" },
	{ "超时", "回复不及时" }, { "slow", "回复不及时" },
	{ "比价", "比价观望" }, { "货比三家", "比价观望" }, { "对比", "比价观望" },
	{ "比较", "比价观望" }, { "观望", "比价观望" }, { "考虑", "比价观望" },
	{ "再看看", "比价观望" }, { "看看再说", "比价观望" },
	{ "再想想", "比价观望" }, { "犹豫", "比价观望" }, { "等活动", "比价观望" },
	{ "等大促", "比价观望" }, { "等双十一", "比价观望" },
	{ "先不买", "比价观望" }, { "暂时不", "比价观望" },
	{ "以后再", "比价观望" }, { "别家", "比价观望" }, { "同款", "比价观望" },
	{ "贵", "价格" }, { "价格", "价格" }, { "价钱", "价格" },
	{ "便宜", "价格" }, { "优惠", "价格" }, { "降价", "价格" },
	{ "折扣", "价格" }, { "打折", "价格" }, { "满减", "价格" },
	{ "券", "价格" }, { "预算", "价格" }, { "price", "价格" },
	{ "expensive", "价格" },
	{ "慢", "回复不及时" },
};

struct rule {
	const char	*keyword;
	const char	*label;
};

struct lost_reasons {
	bool		 raw;		/* --raw-reasons: keep the text */
	struct rule	*user;
	size_t		 nuser;
	struct cs_arena	 arena;
	struct cs_map	 memo;		/* text -> label */
};

/* A reason table; raw keeps reasons as written (only empty becomes 未填写). */
struct lost_reasons *
lost_reasons_new(bool raw)
{
	struct lost_reasons *r = cs_xcalloc(1, sizeof *r);

	r->raw = raw;
	cs_arena_init(&r->arena);
	cs_map_init(&r->memo);
	return r;
}

/* Add a shop keyword and its label; checked before the built-in table. */
void
lost_reasons_add(struct lost_reasons *r, const char *kw, size_t kwlen,
    const char *label, size_t labellen)
{
	r->user = cs_xreallocarray(r->user, r->nuser + 1, sizeof *r->user);
	r->user[r->nuser].keyword = cs_arena_strndup(&r->arena, kw, kwlen);
	r->user[r->nuser].label = cs_arena_strndup(&r->arena, label, labellen);
	r->nuser++;
	/* Answers memoised so far may change. */
	cs_map_free(&r->memo);
	cs_map_init(&r->memo);
}

static const char *
match(const struct lost_reasons *r, const char *s, size_t n)
{
	for (size_t i = 0; i < r->nuser; i++)
		if (cs_contains(s, n, r->user[i].keyword))
			return r->user[i].label;
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (cs_contains(s, n, builtin[i].keyword))
			return builtin[i].label;
	return LOST_REASON_OTHER;
}

/* The canonical label of reason text s (valid as long as r). */
const char *
lost_reasons_label(struct lost_reasons *r, const char *s, size_t n)
{
	bool created;
	struct cs_map_entry *e;

	if (n == 0)
		return LOST_REASON_EMPTY;
	e = cs_map_insert(&r->memo, s, n, &created);
	if (created)
		e->value = (void *)(r->raw ? e->key : match(r, s, n));
	return e->value;
}

/* Free the table. */
void
lost_reasons_free(struct lost_reasons *r)
{
	if (r == NULL)
		return;
	cs_map_free(&r->memo);
	cs_arena_free(&r->arena);
	free(r->user);
	free(r);
}
