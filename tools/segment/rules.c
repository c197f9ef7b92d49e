/*
 * Rules: parsing from text, the built-in set, matching, and writing back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "money.h"
#include "value.h"
#include "xmalloc.h"

#include "rules.h"

const char *const seg_rule_columns[SEG_NCOLS] = {
	"tier_min", "tier_max", "role", "category", "stage", "amount_min",
	"amount_max", "keyword", "hours_min", "hours_max", "segment",
	"channel", "template", "priority", "rule",
};

/* Start an empty set. */
void
seg_rules_init(struct seg_rules *rs)
{
	memset(rs, 0, sizeof *rs);
	cs_arena_init(&rs->arena);
}

/* Split s on '|' into a list in the arena; empty pieces are dropped. */
static void
split(struct seg_rules *rs, const char *s, size_t n, struct seg_list *l)
{
	size_t count = 1;

	for (size_t i = 0; i < n; i++)
		count += s[i] == '|';
	l->v = cs_arena_alloc(&rs->arena, count * sizeof *l->v);
	l->len = cs_arena_alloc(&rs->arena, count * sizeof *l->len);
	l->n = 0;
	while (n > 0) {
		const char *bar = memchr(s, '|', n);
		size_t k = bar != NULL ? (size_t)(bar - s) : n;
		const char *p = s;
		size_t m = k;
		cs_trim(&p, &m);
		if (m > 0) {
			l->v[l->n] = cs_arena_strndup(&rs->arena, p, m);
			l->len[l->n] = m;
			l->n++;
		}
		s += k + (bar != NULL);
		n -= k + (bar != NULL);
	}
}

/*
 * Parse hours (a whole number, or with one or two decimals) into seconds;
 * 0 on success.
 */
static int
hours_parse(const char *s, size_t n, int64_t *secs)
{
	int64_t whole = 0, frac = 0;
	size_t i = 0, nd = 0, nfrac = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9') {
		if (whole > 1000000)
			return -1;
		whole = whole * 10 + (s[i++] - '0');
		nd++;
	}
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9' && nfrac < 2) {
			frac = frac * 10 + (s[i++] - '0');
			nfrac++;
		}
	}
	if (nd + nfrac == 0 || i != n)
		return -1;
	while (nfrac++ < 2)
		frac *= 10;
	*secs = whole * 3600 + frac * 36;
	return 0;
}

/* Format seconds as hours, with the decimals hours_parse takes. */
static void
hours_format(int64_t secs, struct cs_buf *b)
{
	int64_t whole = secs / 3600, frac = secs % 3600 / 36;

	if (frac == 0)
		cs_buf_printf(b, "%lld", (long long)whole);
	else if (frac % 10 == 0)
		cs_buf_printf(b, "%lld.%lld", (long long)whole,
		    (long long)(frac / 10));
	else
		cs_buf_printf(b, "%lld.%02lld", (long long)whole,
		    (long long)frac);
}

static bool
bad(struct cs_buf *err, const char *col, const char *s, size_t n,
    const char *why)
{
	cs_buf_reset(err);
	cs_buf_printf(err, "%s %s: %s", col, cs_quote(s, n), why);
	return false;
}

static bool
parse_tier(const char *s, size_t n, int col, int *tier, struct cs_buf *err)
{
	int rc = seg_tier_parse(s, n, tier);

	if (rc == CS_VALUE_INVALID)
		return bad(err, seg_rule_columns[col], s, n,
		    _("not a member tier (0-4, or 非会员, 普通会员, 高级会员, VIP会员, 至尊VIP)"));
	return true;
}

static bool
parse_amount(const char *s, size_t n, int col, bool *has, int64_t *v,
    struct cs_buf *err)
{
	int rc = cs_money_parse(s, n, v);

	if (rc == CS_VALUE_INVALID || (rc == 0 && *v < 0))
		return bad(err, seg_rule_columns[col], s, n,
		    _("not an amount of money"));
	*has = rc == 0;
	return true;
}

static bool
parse_hours(const char *s, size_t n, int col, bool *has, int64_t *v,
    struct cs_buf *err)
{
	cs_trim(&s, &n);
	*has = n > 0;
	if (n > 0 && hours_parse(s, n, v) != 0)
		return bad(err, seg_rule_columns[col], s, n,
		    _("not a number of hours (such as 2 or 0.5)"));
	return true;
}

static bool
parse_roles(const char *s, size_t n, unsigned *mask, struct cs_buf *err)
{
	*mask = 0;
	while (n > 0) {
		const char *bar = memchr(s, '|', n);
		size_t k = bar != NULL ? (size_t)(bar - s) : n;
		enum seg_role role;
		int rc = seg_role_parse(s, k, &role);
		if (rc == CS_VALUE_INVALID)
			return bad(err, "role", s, k,
			    _("must be 引流, 利润, 活动 or 独家"));
		if (rc == 0)
			*mask |= 1u << role;
		s += k + (bar != NULL);
		n -= k + (bar != NULL);
	}
	return true;
}

/*
 * Add a rule from its column values (vals[col] of lens[col] bytes, NULL for
 * a column the file does not have). Returns 0, or -1 with the reason in
 * err ("channel \"fax\": must be ...").
 */
int
seg_rules_add(struct seg_rules *rs, const char *const *vals,
    const size_t *lens, struct cs_buf *err)
{
	struct seg_rule r;
	const char *v[SEG_NCOLS];
	size_t n[SEG_NCOLS];
	int rc;

	for (int c = 0; c < SEG_NCOLS; c++) {
		v[c] = vals[c] != NULL ? vals[c] : "";
		n[c] = vals[c] != NULL ? lens[c] : 0;
		cs_trim(&v[c], &n[c]);
	}
	memset(&r, 0, sizeof r);
	r.tier_min = 0;
	r.tier_max = SEG_TIER_MAX;
	r.stage = -1;
	if (!parse_tier(v[SEG_COL_TIER_MIN], n[SEG_COL_TIER_MIN],
	    SEG_COL_TIER_MIN, &r.tier_min, err) ||
	    !parse_tier(v[SEG_COL_TIER_MAX], n[SEG_COL_TIER_MAX],
	    SEG_COL_TIER_MAX, &r.tier_max, err) ||
	    !parse_roles(v[SEG_COL_ROLE], n[SEG_COL_ROLE], &r.roles, err) ||
	    !parse_amount(v[SEG_COL_AMOUNT_MIN], n[SEG_COL_AMOUNT_MIN],
	    SEG_COL_AMOUNT_MIN, &r.has_amount_min, &r.amount_min, err) ||
	    !parse_amount(v[SEG_COL_AMOUNT_MAX], n[SEG_COL_AMOUNT_MAX],
	    SEG_COL_AMOUNT_MAX, &r.has_amount_max, &r.amount_max, err) ||
	    !parse_hours(v[SEG_COL_HOURS_MIN], n[SEG_COL_HOURS_MIN],
	    SEG_COL_HOURS_MIN, &r.has_age_min, &r.age_min, err) ||
	    !parse_hours(v[SEG_COL_HOURS_MAX], n[SEG_COL_HOURS_MAX],
	    SEG_COL_HOURS_MAX, &r.has_age_max, &r.age_max, err))
		return -1;
	if (r.tier_min > r.tier_max) {
		cs_buf_reset(err);
		cs_buf_printf(err, _("tier_min %d is above tier_max %d"),
		    r.tier_min, r.tier_max);
		return -1;
	}
	if (r.has_amount_min && r.has_amount_max &&
	    r.amount_min >= r.amount_max) {
		char a[CS_MONEY_BUFSIZE], b[CS_MONEY_BUFSIZE];
		cs_buf_reset(err);
		cs_buf_printf(err, _("amount_min %s is not below amount_max %s"),
		    cs_money_format(r.amount_min, a),
		    cs_money_format(r.amount_max, b));
		return -1;
	}
	if (r.has_age_min && r.has_age_max && r.age_min >= r.age_max) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s", _("hours_min is not below hours_max"));
		return -1;
	}
	if (n[SEG_COL_STAGE] > 0) {
		enum seg_stage st;
		if (seg_stage_parse(v[SEG_COL_STAGE], n[SEG_COL_STAGE], &st) != 0)
		{
			bad(err, "stage", v[SEG_COL_STAGE], n[SEG_COL_STAGE],
			    _("must be order or balance"));
			return -1;
		}
		r.stage = (int)st;
	}
	if (n[SEG_COL_SEGMENT] == 0) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s", _("segment is empty"));
		return -1;
	}
	rc = seg_channel_parse(v[SEG_COL_CHANNEL], n[SEG_COL_CHANNEL], &r.channel);
	if (rc == CS_VALUE_EMPTY) {
		cs_buf_reset(err);
		cs_buf_printf(err, "%s", _("channel is empty"));
		return -1;
	}
	if (rc != 0) {
		bad(err, "channel", v[SEG_COL_CHANNEL], n[SEG_COL_CHANNEL],
		    _("must be wangwang, sms, phone or none"));
		return -1;
	}
	if (n[SEG_COL_PRIORITY] > 0) {
		int64_t p;
		if (cs_int_parse(v[SEG_COL_PRIORITY], n[SEG_COL_PRIORITY], &p) != 0 ||
		    p < 0 || p > 100) {
			bad(err, "priority", v[SEG_COL_PRIORITY],
			    n[SEG_COL_PRIORITY],
			    _("must be a whole number from 0 to 100"));
			return -1;
		}
		r.priority = (int)p;
	}
	split(rs, v[SEG_COL_CATEGORY], n[SEG_COL_CATEGORY], &r.categories);
	split(rs, v[SEG_COL_KEYWORD], n[SEG_COL_KEYWORD], &r.keywords);
	r.segment = cs_arena_strndup(&rs->arena, v[SEG_COL_SEGMENT],
	    n[SEG_COL_SEGMENT]);
	r.template = cs_arena_strndup(&rs->arena, v[SEG_COL_TEMPLATE],
	    n[SEG_COL_TEMPLATE]);
	if (n[SEG_COL_RULE] > 0)
		r.rule = cs_arena_strndup(&rs->arena, v[SEG_COL_RULE],
		    n[SEG_COL_RULE]);
	else {
		struct cs_buf d = CS_BUF_INIT;
		seg_rule_describe(&r, &d);
		r.rule = cs_arena_strndup(&rs->arena, d.data, d.len);
		cs_buf_free(&d);
	}
	r.index = rs->n;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 16;
		rs->v = cs_xreallocarray(rs->v, rs->cap, sizeof *rs->v);
	}
	rs->v[rs->n++] = r;
	rs->uses_age |= r.has_age_min || r.has_age_max;
	return 0;
}

/*
 * The built-in rules, small and big in cents (--small, --big): small orders
 * are not chased; a presale balance is; big orders of senior members and
 * above get a call; promotion items a message with urgency; the rest the
 * standard message.
 */
void
seg_rules_builtin(struct seg_rules *rs, int64_t small, int64_t big)
{
	char s[CS_MONEY_BUFSIZE], b[CS_MONEY_BUFSIZE];
	struct cs_buf r1 = CS_BUF_INIT, r3 = CS_BUF_INIT, err = CS_BUF_INIT;

	cs_money_format(small, s);
	cs_money_format(big, b);
	cs_buf_printf(&r1, _("amount below %s yuan: not worth a message"), s);
	cs_buf_printf(&r3, _("senior member or above with %s yuan or more: a call"), b);
	/* tier_min, role, stage, amount_min, amount_max, segment, channel,
	 * template, priority, rule */
	const char *const t[5][10] = {
		{ "", "", "", "", s, "skip", "none", "", "0", r1.data },
		{ "", "", "balance", "", "", "balance", "wangwang",
		    "balance_due", "90",
		    _("presale deposit paid, balance unpaid") },
		{ "2", "", "", b, "", "vip_big", "phone", "vip_call", "80",
		    r3.data },
		{ "", "活动", "", "", "", "promo", "wangwang", "promo_urgent",
		    "70", _("promotion item: the price ends with the sale") },
		{ "", "", "", "", "", "standard", "wangwang", "standard", "50",
		    _("every other unpaid order") },
	};
	for (size_t i = 0; i < 5; i++) {
		const char *vals[SEG_NCOLS] = { NULL };
		size_t lens[SEG_NCOLS] = { 0 };
		static const enum seg_rule_col cols[10] = { SEG_COL_TIER_MIN,
			SEG_COL_ROLE, SEG_COL_STAGE, SEG_COL_AMOUNT_MIN,
			SEG_COL_AMOUNT_MAX, SEG_COL_SEGMENT, SEG_COL_CHANNEL,
			SEG_COL_TEMPLATE, SEG_COL_PRIORITY, SEG_COL_RULE };
		for (size_t c = 0; c < 10; c++) {
			vals[cols[c]] = t[i][c];
			lens[cols[c]] = strlen(t[i][c]);
		}
		if (seg_rules_add(rs, vals, lens, &err) != 0)
			cs_die(_("built-in rule %zu: %s"), i + 1, err.data);
	}
	cs_buf_free(&r1);
	cs_buf_free(&r3);
	cs_buf_free(&err);
}

static bool
in_list(const struct seg_list *l, const char *s, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->len[i] == n && memcmp(l->v[i], s, n) == 0)
			return true;
	return false;
}

static bool
any_contained(const struct seg_list *l, const char *s, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (cs_contains(s, n, l->v[i]))
			return true;
	return false;
}

static bool
holds(const struct seg_rule *r, const struct seg_facts *f)
{
	if (f->tier < r->tier_min || f->tier > r->tier_max)
		return false;
	if (r->roles != 0 && (f->role == SEG_ROLE_NONE ||
	    (r->roles & (1u << f->role)) == 0))
		return false;
	if (r->stage >= 0 && (int)f->stage != r->stage)
		return false;
	if (r->has_amount_min && f->amount < r->amount_min)
		return false;
	if (r->has_amount_max && f->amount >= r->amount_max)
		return false;
	if ((r->has_age_min || r->has_age_max) && !f->has_age)
		return false;
	if (r->has_age_min && f->age < r->age_min)
		return false;
	if (r->has_age_max && f->age >= r->age_max)
		return false;
	if (r->categories.n > 0 &&
	    !in_list(&r->categories, f->category, f->category_len))
		return false;
	if (r->keywords.n > 0 && !any_contained(&r->keywords, f->item, f->item_len))
		return false;
	return true;
}

/* The first rule that holds for f, or NULL. */
const struct seg_rule *
seg_rules_match(const struct seg_rules *rs, const struct seg_facts *f)
{
	for (size_t i = 0; i < rs->n; i++)
		if (holds(&rs->v[i], f))
			return &rs->v[i];
	return NULL;
}

static void
list_value(const struct seg_list *l, struct cs_buf *b)
{
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			cs_buf_addc(b, '|');
		cs_buf_add(b, l->v[i], l->len[i]);
	}
}

static void
roles_value(unsigned roles, const char *sep, struct cs_buf *b)
{
	bool first = true;

	for (int i = SEG_ROLE_NONE + 1; i < SEG_NROLES; i++)
		if (roles & (1u << i)) {
			if (!first)
				cs_buf_adds(b, sep);
			cs_buf_adds(b, seg_role_name((enum seg_role)i));
			first = false;
		}
}

/* Write column col of rule r, as a rules file holds it, to b (reset first). */
void
seg_rule_value(const struct seg_rule *r, enum seg_rule_col col,
    struct cs_buf *b)
{
	char m[CS_MONEY_BUFSIZE];

	cs_buf_reset(b);
	switch (col) {
	case SEG_COL_TIER_MIN:
		if (r->tier_min > 0)
			cs_buf_printf(b, "%d", r->tier_min);
		break;
	case SEG_COL_TIER_MAX:
		if (r->tier_max < SEG_TIER_MAX)
			cs_buf_printf(b, "%d", r->tier_max);
		break;
	case SEG_COL_ROLE:
		roles_value(r->roles, "|", b);
		break;
	case SEG_COL_CATEGORY:
		list_value(&r->categories, b);
		break;
	case SEG_COL_STAGE:
		if (r->stage >= 0)
			cs_buf_adds(b, seg_stage_name((enum seg_stage)r->stage));
		break;
	case SEG_COL_AMOUNT_MIN:
		if (r->has_amount_min)
			cs_buf_adds(b, cs_money_format(r->amount_min, m));
		break;
	case SEG_COL_AMOUNT_MAX:
		if (r->has_amount_max)
			cs_buf_adds(b, cs_money_format(r->amount_max, m));
		break;
	case SEG_COL_KEYWORD:
		list_value(&r->keywords, b);
		break;
	case SEG_COL_HOURS_MIN:
		if (r->has_age_min)
			hours_format(r->age_min, b);
		break;
	case SEG_COL_HOURS_MAX:
		if (r->has_age_max)
			hours_format(r->age_max, b);
		break;
	case SEG_COL_SEGMENT:
		cs_buf_adds(b, r->segment);
		break;
	case SEG_COL_CHANNEL:
		cs_buf_adds(b, seg_channel_name(r->channel));
		break;
	case SEG_COL_TEMPLATE:
		cs_buf_adds(b, r->template);
		break;
	case SEG_COL_PRIORITY:
		cs_buf_printf(b, "%d", r->priority);
		break;
	case SEG_COL_RULE:
		cs_buf_adds(b, r->rule);
		break;
	case SEG_NCOLS:
		break;
	}
	if (b->data == NULL)
		cs_buf_grow(b, 0);
}

static void
and(struct cs_buf *b)
{
	if (b->len > 0)
		cs_buf_adds(b, _(" and "));
}

static void
list_words(const struct seg_list *l, struct cs_buf *b)
{
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			cs_buf_adds(b, _(" or "));
		cs_buf_add(b, l->v[i], l->len[i]);
	}
}

/* Say rule r's conditions in words into b (reset first): "any order" if none. */
void
seg_rule_describe(const struct seg_rule *r, struct cs_buf *b)
{
	char x[CS_MONEY_BUFSIZE], y[CS_MONEY_BUFSIZE];

	cs_buf_reset(b);
	if (r->tier_min == r->tier_max)
		cs_buf_printf(b, _("tier %d"), r->tier_min);
	else if (r->tier_min > 0 && r->tier_max < SEG_TIER_MAX)
		cs_buf_printf(b, _("tier %d to %d"), r->tier_min, r->tier_max);
	else if (r->tier_min > 0)
		cs_buf_printf(b, _("tier %d or above"), r->tier_min);
	else if (r->tier_max < SEG_TIER_MAX)
		cs_buf_printf(b, _("tier %d or below"), r->tier_max);
	if (r->roles != 0) {
		and(b);
		cs_buf_adds(b, _("role "));
		roles_value(r->roles, _(" or "), b);
	}
	if (r->categories.n > 0) {
		and(b);
		cs_buf_adds(b, _("category "));
		list_words(&r->categories, b);
	}
	if (r->stage >= 0) {
		and(b);
		cs_buf_printf(b, _("stage %s"),
		    seg_stage_name((enum seg_stage)r->stage));
	}
	if (r->has_amount_min || r->has_amount_max) {
		and(b);
		cs_money_format(r->amount_min, x);
		cs_money_format(r->amount_max, y);
		if (r->has_amount_min && r->has_amount_max)
			cs_buf_printf(b, _("amount %s to below %s"), x, y);
		else if (r->has_amount_min)
			cs_buf_printf(b, _("amount %s or more"), x);
		else
			cs_buf_printf(b, _("amount below %s"), y);
	}
	if (r->keywords.n > 0) {
		and(b);
		cs_buf_adds(b, _("title contains "));
		list_words(&r->keywords, b);
	}
	if (r->has_age_min || r->has_age_max) {
		struct cs_buf h1 = CS_BUF_INIT, h2 = CS_BUF_INIT;
		hours_format(r->age_min, &h1);
		hours_format(r->age_max, &h2);
		and(b);
		if (r->has_age_min && r->has_age_max)
			cs_buf_printf(b, _("ordered %s to %s hours ago"), h1.data,
			    h2.data);
		else if (r->has_age_min)
			cs_buf_printf(b, _("ordered %s hours ago or more"), h1.data);
		else
			cs_buf_printf(b, _("ordered less than %s hours ago"),
			    h2.data);
		cs_buf_free(&h1);
		cs_buf_free(&h2);
	}
	if (b->len == 0)
		cs_buf_adds(b, _("any order"));
}

/* Free the set. */
void
seg_rules_free(struct seg_rules *rs)
{
	free(rs->v);
	cs_arena_free(&rs->arena);
	memset(rs, 0, sizeof *rs);
}
