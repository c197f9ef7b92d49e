/*
 * The field dictionary and header binding. The table is the one place
 * where export headers are known; extend it from real exports (see
 * shared/research/domain.md), most specific alias first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fields.h"
#include "i18n.h"
#include "xmalloc.h"

#define A(...)	(const char *const[]){ __VA_ARGS__, NULL }

static const struct {
	const char		*name;
	const char *const	*aliases;
} dictionary[] = {
	/* Orders. */
	{ "order_id", A("订单编号", "订单号", "主订单编号", "订单ID", "tid") },
	{ "buyer", A("买家会员名", "买家昵称", "买家账号", "客户昵称", "买家旺旺",
	    "买家", "会员名", "用户昵称", "顾客昵称", "下单帐号", "下单账号",
	    "buyer_nick", "nick") },
	{ "status", A("订单状态", "交易状态", "status") },
	{ "created_at", A("订单创建时间", "下单时间", "创建时间", "拍下时间",
	    "订单时间", "created") },
	{ "paid_at", A("订单付款时间", "付款时间", "支付时间", "付款确认时间",
	    "pay_time") },
	{ "amount", A("总金额", "买家应付货款", "订单金额", "应付金额", "付款金额",
	    "成交金额", "商品总价", "金额", "销售额") },
	{ "paid_amount", A("买家实际支付金额", "实付金额", "买家实付金额",
	    "用户实付金额", "实收金额") },
	{ "quantity", A("宝贝总数量", "购买数量", "商品数量", "订购数量", "数量") },
	{ "presale", A("分阶段订单信息", "分阶段信息", "step_trade_status") },
	{ "tier", A("会员等级", "买家等级", "会员级别", "客户等级", "等级") },
	{ "item", A("宝贝标题", "商品名称", "商品标题", "咨询商品", "宝贝名称",
	    "标题", "商品", "item_title") },
	{ "sku", A("商家编码", "商品编码", "商家编码-SKU维度", "SKU编码", "货号",
	    "outer_id") },
	{ "category", A("类目", "商品类目", "品类", "分类") },
	{ "name", A("收货人姓名", "收货人", "客户姓名", "姓名") },
	{ "phone", A("联系手机", "手机", "手机号", "收货人手机", "联系电话") },
	{ "shop", A("店铺名称", "店铺", "店铺名") },

	/* Customer service. */
	{ "agent", A("客服", "接待客服", "客服昵称", "客服账号", "客服名称",
	    "旺旺客服", "子账号") },
	{ "inquired_at", A("咨询时间", "接待时间", "首次咨询时间", "会话开始时间",
	    "开始时间", "日期") },
	{ "first_response", A("首次响应时长", "首响时长", "首次响应时间",
	    "首响时间", "首次回复时长", "首响") },
	{ "ordered", A("是否下单", "已下单") },
	{ "paid", A("是否付款", "是否支付", "是否成交", "已付款") },
	{ "reason", A("流失原因", "未成交原因", "未下单原因", "原因") },

	/* Reviews. */
	{ "rating", A("评价等级", "评分", "评价结果", "评价类型", "星级", "评价",
	    "score", "result") },
	{ "text", A("评价内容", "初次评价内容", "初次评价", "评论内容", "评论",
	    "ratecontent", "content") },
	{ "followup", A("追评内容", "追加评论", "追评", "追加评价",
	    "appendcomment") },

	/* Volumes. */
	{ "date", A("日期", "评价时间", "评论时间", "时间") },
	{ "receptions", A("接待人数", "咨询人数", "接待量", "咨询量", "接待数") },
	{ "hour", A("小时", "时段") },
	{ "interval", A("时间段", "区间") },
	{ "arrivals", A("到达量", "进线量", "来访量") },

	/* Side files and tool outputs (cs-segment, cs-chase). */
	{ "keyword", A("关键词", "关键字") },
	{ "role", A("商品角色", "角色") },
	{ "stage", A("阶段") },
	{ "segment", A("分组", "人群") },
	{ "channel", A("渠道", "通道") },
	{ "channels", A("渠道列表") },
	{ "template", A("模板", "话术") },
	{ "priority", A("优先级") },
	{ "rule", A("规则") },
	{ "step", A("步骤") },
	{ "action", A("动作") },
	{ "message", A("消息", "短信内容") },
	{ "due_at", A("发送时间") },
	{ "weight", A("权重") },
	{ "label", A("标签") },

	/* cs-segment: sub-order exports (Qianniu 销售明细) and the rules file. */
	{ "suborder_id", A("子订单编号", "子订单号", "oid") },
	/* cs-chase. */
	{ "sms_parts", A("短信条数", "计费条数") },
};

struct mapping {
	char	*field;
	char	*header;
};

static struct mapping	*maps;
static size_t		 nmaps;

/* The aliases of a logical field, NULL-terminated; NULL if unknown. */
const char *const *
cs_field_aliases(const char *name)
{
	for (size_t i = 0; i < sizeof dictionary / sizeof dictionary[0]; i++)
		if (strcmp(dictionary[i].name, name) == 0)
			return dictionary[i].aliases;
	return NULL;
}

static size_t
utf8_suffix(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0 ? m : 0;
}

/* Trim ASCII white space, U+3000 (ideographic space) and U+FEFF (BOM). */
static void
trim(const char **s, size_t *n)
{
	static const char *const wide[] = { "\xE3\x80\x80", "\xEF\xBB\xBF" };
	bool again = true;

	while (again && *n > 0) {
		again = false;
		if (**s == ' ' || **s == '\t' || **s == '\r' || **s == '\n') {
			(*s)++;
			(*n)--;
			again = true;
		}
		if (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
		    (*s)[*n - 1] == '\r' || (*s)[*n - 1] == '\n')) {
			(*n)--;
			again = true;
		}
		for (size_t i = 0; i < 2 && *n >= 3; i++) {
			if (memcmp(*s, wide[i], 3) == 0) {
				*s += 3;
				*n -= 3;
				again = true;
			}
			if (*n >= 3 && utf8_suffix(*s, *n, wide[i])) {
				*n -= 3;
				again = true;
			}
		}
	}
}

/* Drop a trailing unit in brackets: (秒), （元）, [s], 【元】. */
static void
drop_unit(const char *s, size_t *n)
{
	static const char *const pairs[][2] = {
		{ "(", ")" }, { "\xEF\xBC\x88", "\xEF\xBC\x89" },	/* （） */
		{ "[", "]" }, { "\xE3\x80\x90", "\xE3\x80\x91" },	/* 【】 */
	};

	for (size_t i = 0; i < 4; i++) {
		size_t close = utf8_suffix(s, *n, pairs[i][1]);
		if (close == 0)
			continue;
		size_t olen = strlen(pairs[i][0]);
		for (size_t j = *n - close; j-- > 0;) {
			if (j + olen <= *n - close &&
			    memcmp(s + j, pairs[i][0], olen) == 0) {
				if (j > 0)	/* something must remain */
					*n = j;
				return;
			}
		}
	}
}

/* Write the matching key of a header name to out (reset first). */
void
cs_header_norm(const char *s, size_t n, struct cs_buf *out)
{
	cs_buf_reset(out);
	trim(&s, &n);
	drop_unit(s, &n);
	trim(&s, &n);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == ' ' || c == '-')
			c = '_';
		cs_buf_addc(out, c);
	}
	if (out->data == NULL)
		cs_buf_add(out, "", 0);	/* "", NUL-terminated */
}

/* Record --map FIELD=HEADER; -1 when spec has no '=' or an empty side. */
int
cs_fields_add_map(const char *spec)
{
	const char *eq = strchr(spec, '=');

	if (eq == NULL || eq == spec || eq[1] == '\0')
		return -1;
	maps = cs_xreallocarray(maps, nmaps + 1, sizeof *maps);
	maps[nmaps].field = cs_xmemdup(spec, (size_t)(eq - spec));
	maps[nmaps].header = cs_xstrdup(eq + 1);
	nmaps++;
	return 0;
}

/* The first --map field that no tool knows, or NULL when all are known. */
const char *
cs_fields_check_map(void)
{
	for (size_t i = 0; i < nmaps; i++)
		if (cs_field_aliases(maps[i].field) == NULL)
			return maps[i].field;
	return NULL;
}

/* Forget every --map (for tests). */
void
cs_fields_reset(void)
{
	for (size_t i = 0; i < nmaps; i++) {
		free(maps[i].field);
		free(maps[i].header);
	}
	free(maps);
	maps = NULL;
	nmaps = 0;
}

static const char *
mapped_header(const char *field)
{
	const char *found = NULL;

	/* The last --map of a field wins, as with most repeated options. */
	for (size_t i = 0; i < nmaps; i++)
		if (strcmp(maps[i].field, field) == 0)
			found = maps[i].header;
	return found;
}

static int
find_header(const struct cs_row *hdr, struct cs_buf *keys, const char *name)
{
	struct cs_buf want = CS_BUF_INIT;
	int col = -1;

	cs_header_norm(name, strlen(name), &want);
	for (size_t i = 0; i < hdr->n; i++) {
		if (strcmp(keys[i].data, want.data) == 0) {
			col = (int)i;
			break;
		}
	}
	cs_buf_free(&want);
	return col;
}

static void
missing(const struct cs_row *hdr, const char *file, const char *field,
    const char *const *aliases)
{
	struct cs_buf tried = CS_BUF_INIT, found = CS_BUF_INIT;

	cs_buf_adds(&tried, field);
	for (size_t i = 0; aliases != NULL && aliases[i] != NULL; i++)
		cs_buf_printf(&tried, ", %s", aliases[i]);
	for (size_t i = 0; i < hdr->n; i++)
		cs_buf_printf(&found, "%s%s", i > 0 ? ", " : "", hdr->v[i]);
	cs_die(_("%s: no column for field '%s' (tried: %s; found: %s); name it with --map %s=HEADER"),
	    file, field, tried.data, hdr->n > 0 ? found.data : _("no header"),
	    field);
}

/*
 * Bind each field to a column of the header: col[i] is the column of
 * fields[i], or -1. A missing required field is fatal, naming the field,
 * the aliases tried and the headers found. An empty input (no header) binds
 * nothing and is not an error: it has no rows either.
 */
void
cs_fields_bind(const struct cs_row *hdr, const char *file,
    const struct cs_field *fields, size_t n, int *col)
{
	struct cs_buf *keys = cs_xcalloc(hdr->n + 1, sizeof *keys);

	for (size_t i = 0; i < hdr->n; i++)
		cs_header_norm(hdr->v[i], hdr->len[i], &keys[i]);
	for (size_t f = 0; f < n; f++) {
		const char *name = fields[f].name;
		const char *const *aliases = cs_field_aliases(name);
		const char *mapped = mapped_header(name);

		col[f] = -1;
		if (hdr->n == 0)
			continue;
		if (mapped != NULL) {
			col[f] = find_header(hdr, keys, mapped);
			if (col[f] < 0)
				cs_die(_("%s: --map %s=%s: no such column"), file,
				    name, mapped);
			continue;
		}
		col[f] = find_header(hdr, keys, name);
		for (size_t a = 0; col[f] < 0 && aliases != NULL &&
		    aliases[a] != NULL; a++)
			col[f] = find_header(hdr, keys, aliases[a]);
		if (col[f] < 0 && (fields[f].flags & CS_FIELD_REQUIRED))
			missing(hdr, file, name, aliases);
	}
	for (size_t i = 0; i < hdr->n; i++)
		cs_buf_free(&keys[i]);
	free(keys);
}

/*
 * Open an input and bind fields in one step. Unless all_columns, only the
 * bound columns are copied from each row (parse only the fields used).
 * The want mask lives with the reader; free it with cs_reader_close.
 */
struct cs_reader *
cs_fields_open(const char *path, const struct cs_reader_opts *opts,
    const struct cs_field *fields, size_t n, int *col, bool all_columns)
{
	struct cs_reader *r = cs_reader_open(path, opts);
	const struct cs_row *hdr = cs_reader_header(r);

	if (hdr->n == 0)
		cs_warn(_("%s: empty input"), cs_reader_name(r));
	cs_fields_bind(hdr, cs_reader_name(r), fields, n, col);
	if (!all_columns)
		cs_reader_want_columns(r, col, n);
	return r;
}
