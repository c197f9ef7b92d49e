/*
 * Templates: compiling text into literal pieces and placeholders,
 * rendering them, the set of the shop's templates and the built-in ones.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "chase.h"
#include "templates.h"
#include "xmalloc.h"

static const char *const ph_names[CHASE_NPH] = {
	"name", "buyer", "item", "amount", "order_id", "count", "deadline",
	"minutes_left", "hours_left", "shop", "agent",
};

/* The name of placeholder ph, as a template writes it (without braces). */
const char *
chase_ph_name(int ph)
{
	return ph >= 0 && ph < CHASE_NPH ? ph_names[ph] : "";
}

static int
ph_find(const char *s, size_t n)
{
	for (int i = 0; i < CHASE_NPH; i++)
		if (strlen(ph_names[i]) == n && memcmp(ph_names[i], s, n) == 0)
			return i;
	return -1;
}

static bool
ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || c == '_';
}

/*
 * Compile text s[0..n) into *t, its pieces in arena a. Returns 0, or -1
 * for an unknown placeholder, whose offset and length (braces included)
 * are stored in *bad_at and *bad_len.
 */
int
chase_template_compile(struct cs_arena *a, const char *s, size_t n,
    struct chase_template *t, size_t *bad_at, size_t *bad_len)
{
	struct chase_piece *p = NULL;
	size_t np = 0, cap = 0, lit = 0;

	memset(t, 0, sizeof *t);
	for (size_t i = 0; i <= n;) {
		size_t j = i + 1, end = 0;
		int ph = -1;
		bool is_ph = false;

		if (i < n && s[i] == '{') {
			while (j < n && ident_char(s[j]))
				j++;
			if (j > i + 1 && j < n && (s[j] == '}' || s[j] == '|')) {
				end = j;
				while (end < n && s[end] != '}')
					end++;
				is_ph = end < n;
			}
		}
		if (i < n && !is_ph) {
			i++;
			continue;
		}
		/* Flush the literal text before i. */
		if (np + 2 > cap) {
			cap = cap ? cap * 2 : 8;
			p = cs_xreallocarray(p, cap, sizeof *p);
		}
		if (i > lit) {
			p[np].ph = -1;
			p[np].s = s + lit;
			p[np].n = i - lit;
			p[np].has_default = false;
			np++;
		}
		if (i == n)
			break;
		ph = ph_find(s + i + 1, j - i - 1);
		if (ph < 0) {
			free(p);
			*bad_at = i;
			*bad_len = end + 1 - i;
			return -1;
		}
		p[np].ph = ph;
		p[np].has_default = s[j] == '|';
		p[np].s = p[np].has_default ? s + j + 1 : "";
		p[np].n = p[np].has_default ? end - j - 1 : 0;
		np++;
		i = lit = end + 1;
	}
	/* Texts point into the arena, not into the caller's row. */
	t->p = cs_arena_alloc(a, (np + 1) * sizeof *t->p);
	for (size_t k = 0; k < np; k++) {
		t->p[k] = p[k];
		t->p[k].s = cs_arena_strndup(a, p[k].s, p[k].n);
	}
	t->n = np;
	free(p);
	return 0;
}

static unsigned
render(const struct chase_template *t, const struct chase_values *v,
    struct cs_buf *out)
{
	unsigned missing = 0;

	for (size_t k = 0; k < t->n; k++) {
		const struct chase_piece *p = &t->p[k];
		if (p->ph < 0)
			cs_buf_add(out, p->s, p->n);
		else if (v->n[p->ph] > 0)
			cs_buf_add(out, v->v[p->ph], v->n[p->ph]);
		else if (p->has_default)
			cs_buf_add(out, p->s, p->n);
		else
			missing |= 1u << p->ph;
	}
	return missing;
}

/*
 * Render t with the values v into out (reset first). Returns the mask of
 * placeholders (bit ph) that had no value and no default: they rendered
 * empty, and the caller warns.
 */
unsigned
chase_template_render(const struct chase_template *t,
    const struct chase_values *v, struct cs_buf *out)
{
	unsigned missing;

	cs_buf_reset(out);
	cs_buf_grow(out, 0);
	missing = render(t, v, out);
	if (t->more != NULL && v->count > 1)
		missing |= render(t->more, v, out);
	if (t->tail != NULL)
		missing |= render(t->tail, v, out);
	return missing;
}

/* Start an empty set of templates. */
void
chase_templates_init(struct chase_templates *set)
{
	cs_map_init(&set->map);
	cs_arena_init(&set->arena);
}

static void
set_key(struct cs_buf *b, const char *name, size_t n, int channel, int step)
{
	cs_buf_reset(b);
	cs_buf_add(b, name, n);
	cs_buf_printf(b, "\x1f%d\x1f%d", channel, step);
}

/*
 * Add the template of name for channel (-1: any) and step (0: any).
 * Returns 0; -1 for an unknown placeholder (*bad_at, *bad_len as for
 * chase_template_compile); -2 when the same name, channel and step were
 * given before (the first stays).
 */
int
chase_templates_add(struct chase_templates *set, const char *name, size_t n,
    int channel, int step, const char *text, size_t tn, size_t *bad_at,
    size_t *bad_len)
{
	struct cs_buf key = CS_BUF_INIT;
	struct chase_template t;
	struct cs_map_entry *e;
	bool created;

	if (chase_template_compile(&set->arena, text, tn, &t, bad_at,
	    bad_len) != 0)
		return -1;
	set_key(&key, name, n, channel, step);
	e = cs_map_insert(&set->map, key.data, key.len, &created);
	cs_buf_free(&key);
	if (!created)
		return -2;
	struct chase_template *c = cs_arena_alloc(&set->arena, sizeof *c);
	*c = t;
	e->value = c;
	return 0;
}

/*
 * The shop's template of name for a channel and step, or NULL. The most
 * specific wins: channel and step, then channel and any step, then any
 * channel and the step, then any channel and any step.
 */
const struct chase_template *
chase_templates_find(const struct chase_templates *set, const char *name,
    size_t n, int channel, int step)
{
	static const int order[4][2] = { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } };
	struct cs_buf key = CS_BUF_INIT;
	const struct chase_template *t = NULL;

	if (n == 0 || cs_map_count(&set->map) == 0)
		return NULL;
	for (int k = 0; k < 4 && t == NULL; k++) {
		set_key(&key, name, n, order[k][0] ? channel : -1,
		    order[k][1] ? step : 0);
		const struct cs_map_entry *e = cs_map_find(&set->map, key.data,
		    key.len);
		if (e != NULL)
			t = e->value;
	}
	cs_buf_free(&key);
	return t;
}

/* Free the set and its templates. */
void
chase_templates_free(struct chase_templates *set)
{
	cs_map_free(&set->map);
	cs_arena_free(&set->arena);
}

/* ---- the built-in templates ---- */

/* Step kinds of the built-in table. */
#define K_ANY		0
#define K_FIRST		1
#define K_LATER		(-2)
#define ANY		(-1)

static const struct builtin {
	const char	*segment;
	int		 kind;
	int		 channel;
	const char	*text;
} builtins[] = {
	/* standard: everything not in another segment; the fallback. */
	{ "standard", K_FIRST, CHASE_WANGWANG,
	    "亲，您在{shop|本店}拍下的「{item|宝贝}」还没有付款哦～库存有限，"
	    "确认无误的话记得早点付款，我们会第一时间为您发货！有问题随时找我哈～" },
	{ "standard", K_LATER, CHASE_WANGWANG,
	    "亲，您拍下的「{item|宝贝}」（¥{amount}）还在等您付款呢～是不是遇到"
	    "了什么问题？需要帮忙随时告诉我，付款后马上安排发货哦～" },
	{ "standard", CHASE_SWEEP, CHASE_WANGWANG,
	    "亲，活动只剩最后{minutes_left}分钟啦！您拍下的「{item|宝贝}」"
	    "（¥{amount}）{deadline}之后就恢复原价了，趁现在赶紧付款吧，错过"
	    "要再等一年哦～" },
	{ "standard", CHASE_PRECLOSE, CHASE_WANGWANG,
	    "亲，您拍下的「{item|宝贝}」（¥{amount}）订单马上就要自动关闭了，"
	    "关闭后就不能再享受现在的价格了哦～还需要的话请尽快付款，有问题"
	    "随时联系我～" },
	{ "standard", K_ANY, CHASE_SMS,
	    "【{shop|店铺}】亲，您有一笔¥{amount}的订单还未付款，库存有限，"
	    "请尽快付款哦～" },
	{ "standard", CHASE_SWEEP, CHASE_SMS,
	    "【{shop|店铺}】亲，活动仅剩{minutes_left}分钟！您¥{amount}的订单"
	    "{deadline}后恢复原价，请尽快付款～" },
	{ "standard", CHASE_PRECLOSE, CHASE_SMS,
	    "【{shop|店铺}】亲，您¥{amount}的订单即将自动关闭，还需要的话请"
	    "尽快付款哦～" },
	{ "standard", K_ANY, CHASE_PHONE,
	    "您好，这里是{shop|店铺}的客服。看到您拍下的「{item|宝贝}」"
	    "（¥{amount}）还没有付款，想问问是不是遇到了什么问题？需要的话"
	    "我可以帮您看看。" },
	{ "standard", CHASE_SWEEP, CHASE_PHONE,
	    "您好，这里是{shop|店铺}的客服。活动{deadline}就结束了，您拍下的"
	    "「{item|宝贝}」（¥{amount}）还没有付款，结束后就恢复原价了，需要"
	    "我帮您看看吗？" },
	{ "standard", CHASE_PRECLOSE, CHASE_PHONE,
	    "您好，这里是{shop|店铺}的客服。您拍下的「{item|宝贝}」"
	    "（¥{amount}）订单马上就要自动关闭了，还需要的话我可以帮您看看"
	    "有什么问题。" },

	/* promo: promotion items, urgency from the first step. */
	{ "promo", K_FIRST, CHASE_WANGWANG,
	    "亲，您抢到的活动款「{item|宝贝}」还没付款哦！活动商品库存紧张，"
	    "超时未付款会被其他小伙伴抢走的，赶紧付款锁定吧～" },
	{ "promo", K_LATER, CHASE_WANGWANG,
	    "亲，活动款「{item|宝贝}」（¥{amount}）库存越来越少啦，您的订单还"
	    "没付款哦，付款成功才算抢到，快去付款吧～" },
	{ "promo", CHASE_SWEEP, CHASE_WANGWANG,
	    "亲，活动只剩{minutes_left}分钟啦！您抢到的「{item|宝贝}」"
	    "（¥{amount}）{deadline}后恢复原价，手慢就没了，快去付款吧！" },
	{ "promo", K_ANY, CHASE_SMS,
	    "【{shop|店铺}】亲，您抢到的活动款还未付款，库存紧张，付款成功才"
	    "算抢到哦～" },
	{ "promo", CHASE_SWEEP, CHASE_SMS,
	    "【{shop|店铺}】亲，活动仅剩{minutes_left}分钟！您抢到的活动款"
	    "{deadline}后恢复原价，快去付款吧～" },

	/* vip_big: high-tier buyers with big orders, personal, by phone. */
	{ "vip_big", K_ANY, CHASE_PHONE,
	    "{name|亲}您好，我是{shop|店铺}的专属客服。您是我们的老顾客了，"
	    "看到您拍下的「{item|宝贝}」（¥{amount}）还没有付款，想问问有什么"
	    "可以帮您的？尺码、发货时间这些都可以问我。" },
	{ "vip_big", CHASE_SWEEP, CHASE_PHONE,
	    "{name|亲}您好，我是{shop|店铺}的专属客服。活动{deadline}就要结束"
	    "了，您拍下的「{item|宝贝}」（¥{amount}）还没有付款，错过就恢复"
	    "原价了，给您打个电话提醒一下，需要帮忙吗？" },
	{ "vip_big", CHASE_PRECLOSE, CHASE_PHONE,
	    "{name|亲}您好，我是{shop|店铺}的专属客服。您拍下的「{item|宝贝}」"
	    "（¥{amount}）订单马上就要自动关闭了，给您打个电话提醒一下，还需要"
	    "的话我帮您看看有什么问题。" },
	{ "vip_big", K_ANY, CHASE_WANGWANG,
	    "亲～您是我们的老顾客啦，看到您拍下的「{item|宝贝}」（¥{amount}）"
	    "还没有付款，有任何疑问我都优先为您处理，付款后优先安排发货哦！" },
	{ "vip_big", CHASE_SWEEP, CHASE_WANGWANG,
	    "亲～活动只剩最后{minutes_left}分钟啦！您拍下的「{item|宝贝}」"
	    "（¥{amount}）{deadline}后就恢复原价了，别错过哦，付款后优先为您"
	    "发货～" },
	{ "vip_big", CHASE_PRECLOSE, CHASE_WANGWANG,
	    "亲～您拍下的「{item|宝贝}」（¥{amount}）订单马上就要自动关闭了，"
	    "关闭后就不能再享受现在的价格了，还需要的话请尽快付款，有问题我"
	    "优先为您处理～" },
	{ "vip_big", K_ANY, CHASE_SMS,
	    "【{shop|店铺}】亲爱的会员，您¥{amount}的订单还未付款，付款后优先"
	    "为您发货，有疑问请联系旺旺客服～" },

	/* balance: the presale balance (尾款), due by the deadline. */
	{ "balance", K_FIRST, CHASE_WANGWANG,
	    "亲，您预定的「{item|宝贝}」定金已经付好啦，尾款还没有支付哦～尾款"
	    "要在{deadline|活动结束}前付清才能享受预售价，别让定金白白浪费啦！" },
	{ "balance", K_LATER, CHASE_WANGWANG,
	    "亲，提醒您一下：「{item|宝贝}」的尾款还没有支付哦，"
	    "{deadline|活动结束}前付清就能按预售价发货，需要帮忙随时找我～" },
	{ "balance", CHASE_SWEEP, CHASE_WANGWANG,
	    "亲，尾款马上就要截止啦！「{item|宝贝}」的尾款要在"
	    "{deadline|活动结束}前付清，不然定金就浪费了，赶紧去付尾款吧～" },
	{ "balance", CHASE_PRECLOSE, CHASE_WANGWANG,
	    "亲，尾款马上就要截止啦！「{item|宝贝}」的尾款要在"
	    "{deadline|活动结束}前付清，不然定金就浪费了，赶紧去付尾款吧～" },
	{ "balance", K_ANY, CHASE_SMS,
	    "【{shop|店铺}】亲，您预定商品的尾款还未支付，请在"
	    "{deadline|活动结束}前付清，以免定金损失哦～" },
	{ "balance", K_ANY, CHASE_PHONE,
	    "您好，这里是{shop|店铺}的客服。您预定的「{item|宝贝}」定金已付，"
	    "尾款还没有支付，{deadline|活动结束}前付清才能按预售价发货，需要"
	    "我帮您看看吗？" },
};

/* What a built-in message adds when the buyer has several unpaid orders,
 * and what it ends with, a channel each. */
static const char *const builtin_more[CHASE_NCHANNELS] = {
	"（您一共有{count}笔订单待付款，可以一起付款哦～）",
	"（共{count}笔待付款）",
	"另外您一共有{count}笔订单还没付款，可以一起帮您看看。",
};
static const char *const builtin_tail[CHASE_NCHANNELS] = {
	NULL, "回T退订", NULL,
};

#define NBUILTIN	(sizeof builtins / sizeof builtins[0])

static struct chase_template	 compiled[NBUILTIN];
static struct chase_template	 more_t[CHASE_NCHANNELS], tail_t[CHASE_NCHANNELS];
static struct cs_arena		 builtin_arena;
static bool			 builtin_ready;

static void
compile_builtins(void)
{
	size_t at, len;

	cs_arena_init(&builtin_arena);
	for (int c = 0; c < CHASE_NCHANNELS; c++) {
		chase_template_compile(&builtin_arena, builtin_more[c],
		    strlen(builtin_more[c]), &more_t[c], &at, &len);
		if (builtin_tail[c] != NULL)
			chase_template_compile(&builtin_arena, builtin_tail[c],
			    strlen(builtin_tail[c]), &tail_t[c], &at, &len);
	}
	for (size_t i = 0; i < NBUILTIN; i++) {
		int c = builtins[i].channel;
		chase_template_compile(&builtin_arena, builtins[i].text,
		    strlen(builtins[i].text), &compiled[i], &at, &len);
		compiled[i].more = &more_t[c];
		compiled[i].tail = builtin_tail[c] != NULL ? &tail_t[c] : NULL;
	}
	builtin_ready = true;
}

/* Whether name is a segment with built-in templates. */
bool
chase_builtin_known(const char *name, size_t n)
{
	for (size_t i = 0; i < NBUILTIN; i++)
		if (strlen(builtins[i].segment) == n &&
		    memcmp(builtins[i].segment, name, n) == 0)
			return true;
	return false;
}

static int
kind_of(int step)
{
	if (step == CHASE_SWEEP || step == CHASE_PRECLOSE)
		return step;
	return step <= 1 ? K_FIRST : K_LATER;
}

static const struct chase_template *
lookup(const char *seg, int channel, int kind)
{
	static const int order[4][2] = { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } };

	for (int k = 0; k < 4; k++) {
		int ch = order[k][0] ? channel : ANY;
		int kd = order[k][1] ? kind : K_ANY;
		for (size_t i = 0; i < NBUILTIN; i++)
			if (strcmp(builtins[i].segment, seg) == 0 &&
			    builtins[i].channel == ch && builtins[i].kind == kd)
				return &compiled[i];
	}
	return NULL;
}

/*
 * The built-in template for a segment (standard when it has none), a
 * channel and a step. Never NULL.
 */
const struct chase_template *
chase_builtin(const char *segment, size_t n, int channel, int step)
{
	const struct chase_template *t = NULL;
	int kind = kind_of(step);

	if (!builtin_ready)
		compile_builtins();
	for (size_t i = 0; i < NBUILTIN && t == NULL; i++)
		if (strlen(builtins[i].segment) == n &&
		    memcmp(builtins[i].segment, segment, n) == 0)
			t = lookup(builtins[i].segment, channel, kind);
	if (t == NULL)
		t = lookup("standard", channel, kind);
	return t;
}
