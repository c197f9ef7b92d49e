/*
 * gen: the sample exports of cs-tools, made up but shaped like real ones.
 *
 *	gen KIND [-n ROWS] [-s SEED]
 *
 * writes one kind of file as UTF-8 CSV with LF line ends to standard
 * output. samples/regen.sh turns them into the committed files (GBK and
 * CRLF for the Taobao order export, a BOM for the Qianniu one); bench/
 * pipes big ones straight into the tools.
 *
 * Every value is drawn from splitmix64 seeded by (SEED, stream, index), so
 * a row is a pure function of its index: nothing runs from row to row,
 * -n 5000000 streams in constant memory, and the bytes are the same on
 * every machine (integers and IEEE + - * / only: no libm, whose exp and
 * log may differ in the last bit from one C library to the next).
 *
 * The world is one shop, 云朵旗舰店, over Double 11. Its orders are
 * numbered in time order and its buyers are numbered too; a buyer's name,
 * phone and address are functions of the number, so every file that names
 * buyer 17 names the same person. Each order's fate (paid at once, paid
 * later, never, refunded; shipped; confirmed) is drawn once and the two
 * order exports show it at two moments. Inquiries are the chats before 70 %
 * of those orders plus chats that bought nothing, so that cs-lost --orders
 * finds real orders behind them; members and items cover the same buyers
 * and items.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define YUAN		100		/* money is in cents (分) */
#define MINUTE		60
#define HOUR		3600
#define DAY		86400

/* ---- random numbers ---- */

/* One stream of draws a purpose, so that adding a draw to one kind of row
 * does not shift the values of another. */
enum stream {
	S_BUYER = 1, S_ORDER, S_FIRSTWAVE, S_LINK, S_LOST, S_REVIEW, S_OLD,
	S_DAY, S_HOUR, S_MEMBER, S_SHOP
};

static uint64_t seed = 11;

struct rng {
	uint64_t	 s;
};

static uint64_t
rnext(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The draws of row k of a stream. */
static struct rng
rng_at(enum stream st, uint64_t k)
{
	struct rng r;

	r.s = seed ^ ((uint64_t)st << 56) ^ (k * 0xd1b54a32d192ed03ULL);
	r.s = rnext(&r);
	return r;
}

/* Uniform in [0, 1). */
static double
unif(struct rng *r)
{
	return (double)(rnext(r) >> 11) * 0x1p-53;
}

static uint64_t
below(struct rng *r, uint64_t n)
{
	return n > 0 ? rnext(r) % n : 0;
}

static int
chance(struct rng *r, double p)
{
	return unif(r) < p;
}

/* lo..hi, crowded towards lo: waits and delays have long right tails. */
static int64_t
skew(struct rng *r, int64_t lo, int64_t hi, int power)
{
	double u = unif(r), x = u;

	while (--power > 0)
		x *= u;
	return lo + (int64_t)(x * (double)(hi - lo));
}

/* A '|'-separated list: the number of entries, and entry i. */
static int
count_of(const char *list)
{
	int n = 1;

	if (list == NULL)
		return 0;
	for (; *list != '\0'; list++)
		n += *list == '|';
	return n;
}

static void
entry_of(const char *list, int i, char *buf, size_t size)
{
	const char *end;

	while (i-- > 0)
		list = strchr(list, '|') + 1;
	end = strchr(list, '|');
	if (end == NULL)
		end = list + strlen(list);
	if ((size_t)(end - list) >= size)
		end = list + size - 1;
	memcpy(buf, list, (size_t)(end - list));
	buf[end - list] = '\0';
}

#define PICK(r, a)	((a)[below((r), NELEM(a))])

/* ---- time: naive local seconds since 1970, civil days as in datetime.h */

static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t
at(int y, int mo, int d, int h, int mi)
{
	return days_from_civil(y, mo, d) * DAY + h * HOUR + mi * MINUTE;
}

/* 0 is Sunday; 1970-01-01 was a Thursday. */
static int
weekday(int64_t day)
{
	return (int)(((day % 7) + 11) % 7);
}

/* ---- output: one buffer, no stdio formatting in the row loops ---- */

static char	 obuf[1 << 17];
static size_t	 olen;

static void
flush_out(void)
{
	if (olen > 0 && fwrite(obuf, 1, olen, stdout) != olen) {
		perror("gen: standard output");
		exit(1);
	}
	olen = 0;
}

static void
put(const char *s, size_t n)
{
	if (olen + n > sizeof obuf)
		flush_out();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
out(const char *s)
{
	put(s, strlen(s));
}

static void
outc(char c)
{
	if (olen == sizeof obuf)
		flush_out();
	obuf[olen++] = c;
}

static void
out_uint(uint64_t v)
{
	char tmp[24];
	int i = sizeof tmp;

	do
		tmp[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put(tmp + i, sizeof tmp - (size_t)i);
}

static void
out_pad2(int v)
{
	outc((char)('0' + v / 10 % 10));
	outc((char)('0' + v % 10));
}

/* 1230 -> 12.30 */
static void
out_money(int64_t cents)
{
	if (cents < 0) {
		outc('-');
		cents = -cents;
	}
	out_uint((uint64_t)(cents / 100));
	outc('.');
	out_pad2((int)(cents % 100));
}

static void
out_date(int64_t day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	out_uint((uint64_t)y);
	outc('-');
	out_pad2(m);
	outc('-');
	out_pad2(d);
}

/* 2026-11-10 20:03:11 */
static void
out_time(int64_t t)
{
	int64_t s = t % DAY;

	out_date(t / DAY);
	outc(' ');
	out_pad2((int)(s / HOUR));
	outc(':');
	out_pad2((int)(s / MINUTE % 60));
	outc(':');
	out_pad2((int)(s % 60));
}

/* A CSV field, quoted only when it must be (RFC 4180). */
static void
out_field(const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\n\r") == NULL) {
		out(s);
		return;
	}
	outc('"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			outc('"');
		outc(*p);
	}
	outc('"');
}

/* A field of the Taobao export, where every field is quoted. */
static void
out_q(const char *s)
{
	const char *p;

	outc('"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			outc('"');
		outc(*p);
	}
	outc('"');
}

/* ---- the shop's goods, agents and buyers ---- */

enum kind { K_CLOTHES, K_SOCKS, K_HOME, K_BEDDING };

struct item {
	const char	*sku;		/* 商家编码 */
	const char	*title;		/* 宝贝标题, as sellers stuff them */
	int64_t		 price;
	int64_t		 deposit;	/* presale deposit; 0: never presale */
	enum kind	 kind;
	int		 weight;	/* share of the orders */
	const char	*colors;	/* '|'-separated */
	const char	*sizes;		/* '|'-separated, or NULL */
	uint64_t	 id;		/* 商品ID */
	const char	*role;		/* items.csv: 引流, 利润, 活动, 独家 */
	const char	*category;
	int		 by_sku;	/* listed in items.csv by its sku */
};

static const struct item items[] = {
	{ "YD-WZ05", "云朵5双装纯棉袜子女中筒袜秋冬季加厚长袜ins潮", 990, 0,
	  K_SOCKS, 10, "混色5双装|黑白灰5双装|奶油色系5双装", NULL,
	  713200518841, "引流", "内衣家居服", 0 },
	{ "YD-TX01", "云朵纯棉打底衫女长袖T恤2026秋冬新款修身内搭上衣", 2990, 0,
	  K_CLOTHES, 12, "白色|黑色|燕麦色|雾霾蓝", "S|M|L|XL",
	  713200611207, "引流", "女装", 1 },
	{ "YD-WY26", "云朵加绒连帽卫衣女2026冬季新款宽松百搭外套", 12900, 0,
	  K_CLOTHES, 14, "奶白色|雾霾蓝|炭灰色", "S|M|L|XL",
	  714982003165, "利润", "女装", 1 },
	{ "YD-KZ12", "云朵高腰阔腿裤女秋冬加厚垂感休闲直筒裤", 8900, 0,
	  K_CLOTHES, 10, "黑色|杏色|咖啡色", "S|M|L|XL|XXL",
	  714982117450, "利润", "女装", 1 },
	{ "YD-KS08", "云朵羊毛针织开衫女短款V领毛衣外套", 25900, 0,
	  K_CLOTHES, 7, "米白色|燕麦色|酒红色", "S|M|L",
	  715300420981, "利润", "女装", 1 },
	{ "YD-YR99", "云朵90白鹅绒羽绒服女中长款2026新款加厚冬装", 69900, 5000,
	  K_CLOTHES, 9, "黑色|奶白色|雾霾蓝", "S|M|L|XL",
	  715300533662, "活动", "女装", 1 },
	{ "YD-DY88", "云朵双面羊绒大衣女中长款高端手工呢子外套", 129900, 10000,
	  K_CLOTHES, 3, "驼色|黑色|燕麦色", "S|M|L",
	  715871290034, "独家", "女装", 1 },
	{ "YD-SY15", "云朵真丝睡衣女长袖家居服套装春秋款", 39900, 0,
	  K_CLOTHES, 5, "香槟色|烟粉色|墨绿色", "M|L|XL",
	  715871304418, "利润", "内衣家居服", 1 },
	{ "YD-BZ02", "云朵棉花糖抱枕靠垫沙发客厅毛绒靠枕", 5900, 0,
	  K_HOME, 7, "奶白色|樱花粉|浅灰色", "45x45cm|50x50cm",
	  716002278513, "引流", "居家布艺", 0 },
	{ "YD-CB60", "云朵100%蚕丝被冬被加厚被芯", 89900, 5000,
	  K_BEDDING, 5, "月光白", "1.5m床(200x230cm)|1.8m床(220x240cm)",
	  716002390726, "活动", "床上用品", 1 },
	{ "YD-SJ30", "云朵100支长绒棉四件套纯棉床单被套床上用品", 45900, 0,
	  K_BEDDING, 6, "月光白|雾霾蓝|奶咖色",
	  "1.5m床(200x230cm)|1.8m床(220x240cm)",
	  716450081392, "利润", "床上用品", 1 },
	{ "YD-SS99", "云朵重磅桑蚕丝四件套真丝床品", 299900, 0,
	  K_BEDDING, 2, "珍珠白|香槟金", "1.8m床(220x240cm)|2.0m床(230x250cm)",
	  716450196604, "独家", "床上用品", 1 },
	{ "YD-WJ03", "云朵羊绒围巾女冬季保暖纯色披肩", 7900, 0,
	  K_CLOTHES, 6, "驼色|黑色|酒红色|燕麦色", NULL,
	  716893345120, "活动", "服饰配件", 0 },
	{ "YD-NY20", "云朵德绒保暖内衣女套装秋衣秋裤", 9900, 0,
	  K_CLOTHES, 9, "肤色|黑色|豆沙色", "M|L|XL",
	  716893460277, "", "", 0 },
};

/* Rows of items.csv matched by a word of the title: the Taobao order
 * export has no 商家编码, only titles. */
static const struct {
	const char	*keyword, *role, *category;
} item_words[] = {
	{ "袜子", "引流", "内衣家居服" },
	{ "抱枕", "引流", "居家布艺" },
	{ "羽绒服", "活动", "女装" },
	{ "桑蚕丝", "独家", "床上用品" },
	{ "围巾", "活动", "服饰配件" },
};

static const struct item *
pick_item(struct rng *r)
{
	static int total;
	size_t i;
	int x;

	if (total == 0)
		for (i = 0; i < NELEM(items); i++)
			total += items[i].weight;
	x = (int)below(r, (uint64_t)total);
	for (i = 0; x >= items[i].weight; i++)
		x -= items[i].weight;
	return &items[i];
}

/*
 * The agents, with what tells them apart in the inquiry export: their share
 * of the chats, the chance a chat of theirs pays, how fast they answer
 * (lo..hi seconds, crowded towards lo), and the hours they work.
 */
struct agent {
	const char	*name;
	int		 share;
	double		 conv;
	int		 lo, hi, power;
	uint32_t	 hours;		/* bit h: on shift at hour h */
	int		 weight;	/* agents.csv */
	const char	*channels;
};

#define HOURS(a, b)	((((uint32_t)1 << ((b) + 1)) - 1) & ~(((uint32_t)1 << (a)) - 1))

static const struct agent agents[] = {
	{ "小美", 22, 0.56, 2, 40, 3, HOURS(8, 23), 3, "wangwang;sms;phone" },
	{ "阿强", 16, 0.27, 8, 300, 3, HOURS(0, 23), 1, "wangwang" },
	{ "莉莉", 18, 0.48, 4, 90, 3, HOURS(8, 23) | HOURS(0, 1), 2,
	  "wangwang;sms" },
	{ "大熊", 12, 0.24, 10, 500, 2, HOURS(20, 23) | HOURS(0, 7), 1,
	  "wangwang;phone" },
	{ "小鱼", 17, 0.38, 2, 60, 3, HOURS(10, 23) | HOURS(0, 1), 2,
	  "wangwang;sms" },
	{ "晨晨", 15, 0.44, 5, 150, 3, HOURS(9, 23) | HOURS(0, 1), 2,
	  "wangwang;sms;phone" },
};

/* An agent on shift at time t, weighted by share and by how likely a chat
 * of theirs ends as it did. */
static int
pick_agent(struct rng *r, int64_t t, int paid)
{
	double w[NELEM(agents)], total = 0, x;
	int h = (int)(t % DAY / HOUR);
	size_t i;

	for (i = 0; i < NELEM(agents); i++) {
		w[i] = 0;
		if (agents[i].hours & ((uint32_t)1 << h))
			w[i] = agents[i].share *
			    (paid ? agents[i].conv : 1 - agents[i].conv);
		total += w[i];
	}
	x = unif(r) * total;
	for (i = 0; i + 1 < NELEM(agents) && x >= w[i]; i++)
		x -= w[i];
	return (int)i;
}

/* Buyers' nicknames: Taobao's own default names, cute Chinese ones, pinyin
 * and English ones, names with a birthday. */
static const char *const nick_adj[] = {
	"快乐的", "爱吃", "小", "大", "阿", "懒懒的", "甜甜的", "安静的",
	"奔跑的", "会飞的", "不吃香菜的", "努力的", "晒太阳的", "迷糊的",
	"温柔的", "酷酷的", "胖胖的", "喵喵", "一只", "追风的",
};
static const char *const nick_noun[] = {
	"小猫", "兔子", "土豆", "鱼", "橙子", "叮当", "茉莉", "西瓜", "蘑菇",
	"星星", "月亮", "奶茶", "柠檬", "汤圆", "饺子", "熊猫", "向日葵",
	"蜗牛", "豆豆", "芒果", "糖果", "小熊", "海豚", "可乐",
};
static const char *const nick_latin[] = {
	"lily", "amy", "jenny", "kevin", "tony", "coco", "echo", "vivian",
	"grace", "sunny", "lucky", "momo", "maomao", "xiaoyu", "linlin",
	"jiajia", "yoyo", "kiki",
};
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
	"胡", "朱", "高", "林",
};
static const char *const given[] = {
	"静", "伟", "芳", "娜", "敏", "磊", "洋", "艳", "勇", "杰", "婷", "雪",
	"琳", "晨", "悦", "欣", "浩", "宇", "萌", "佳",
};

static const char *const mobile_prefix[] = {
	"138", "139", "135", "136", "137", "150", "151", "152", "158", "159",
	"182", "183", "187", "188", "130", "131", "132", "155", "156", "186",
	"133", "153", "180", "181", "189", "177", "199", "166", "191", "173",
};

/* Where parcels go; the last three pay postage (偏远地区不包邮). */
static const struct {
	const char	*province, *city, *district, *zip;
} places[] = {
	{ "浙江省", "杭州市", "西湖区", "310012" },
	{ "浙江省", "宁波市", "鄞州区", "315100" },
	{ "上海", "上海市", "浦东新区", "200120" },
	{ "北京", "北京市", "朝阳区", "100020" },
	{ "广东省", "深圳市", "南山区", "518052" },
	{ "广东省", "广州市", "天河区", "510630" },
	{ "江苏省", "南京市", "鼓楼区", "210009" },
	{ "江苏省", "苏州市", "吴中区", "215100" },
	{ "四川省", "成都市", "武侯区", "610041" },
	{ "湖北省", "武汉市", "洪山区", "430070" },
	{ "山东省", "青岛市", "市南区", "266001" },
	{ "福建省", "厦门市", "思明区", "361001" },
	{ "河南省", "郑州市", "金水区", "450000" },
	{ "陕西省", "西安市", "雁塔区", "710061" },
	{ "辽宁省", "沈阳市", "和平区", "110001" },
	{ "湖南省", "长沙市", "岳麓区", "410006" },
	{ "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "830000" },
	{ "西藏自治区", "拉萨市", "城关区", "850000" },
	{ "青海省", "西宁市", "城中区", "810000" },
};
#define NREMOTE	3

static const char *const towns[] = {
	"文新街道", "城关街道", "新华街道", "南湖街道", "东湖街道", "滨江街道",
	"长安街道", "中山街道", "", "",
};
static const char *const streets[] = {
	"文一西路", "建国路", "人民路", "解放路", "中山路", "长江路",
	"科技园路", "南京西路", "天府大道", "珞喻路", "香港中路", "湖滨南路",
	"花园路", "小寨东路", "北京街", "学院路",
};
static const char *const estates[] = {
	"阳光花园", "翠苑三区", "万科城", "金色家园", "碧桂园", "绿城桂花园",
	"世纪新城", "幸福里", "锦绣江南", "中海国际社区", "保利香槟国际",
	"和平小区",
};

struct buyer {
	char		 nick[48];
	char		 receiver[16];	/* 收货人姓名 */
	char		 mobile[12];
	char		 alipay[40];	/* masked, as exports show it now */
	char		 address[192];
	int		 place;
	unsigned	 tail;		/* an order id ends with the buyer's */
};

static void
buyer_make(uint64_t b, struct buyer *by)
{
	struct rng r = rng_at(S_BUYER, b);
	uint64_t style = below(&r, 100), c;
	int n;

	/* Each style makes a name unique to b, so that buyer counts are
	 * what they seem. */
	if (style < 25)
		n = snprintf(by->nick, sizeof by->nick, "tb%llu",
		    (unsigned long long)(10000000 +
		    (b * 2654435761ULL + seed) % 9990000000ULL));
	else if (style < 33)
		n = snprintf(by->nick, sizeof by->nick, "t_1%012llu",
		    (unsigned long long)((b * 40503ULL + seed) % 1000000000000ULL));
	else if (style < 68) {
		c = (b * 7919 + seed) % (NELEM(nick_adj) * NELEM(nick_noun));
		n = snprintf(by->nick, sizeof by->nick, "%s%s",
		    nick_adj[c / NELEM(nick_noun)], nick_noun[c % NELEM(nick_noun)]);
		if (b >= NELEM(nick_adj) * NELEM(nick_noun))
			snprintf(by->nick + n, sizeof by->nick - (size_t)n, "%llu",
			    (unsigned long long)(99 +
			    b / (NELEM(nick_adj) * NELEM(nick_noun))));
		else if (chance(&r, 0.5))
			snprintf(by->nick + n, sizeof by->nick - (size_t)n, "%d",
			    (int)(10 + below(&r, 90)));
	} else if (style < 88)
		snprintf(by->nick, sizeof by->nick, "%s%s%04llu",
		    nick_latin[b % NELEM(nick_latin)], chance(&r, 0.3) ? "_" : "",
		    (unsigned long long)(b / NELEM(nick_latin) * 37 % 10000));
	else
		snprintf(by->nick, sizeof by->nick, "%s%s%04llu",
		    surnames[b % NELEM(surnames)],
		    given[b / NELEM(surnames) % NELEM(given)],
		    (unsigned long long)(b / (NELEM(surnames) * NELEM(given)) *
		    7 % 10000));
	(void)n;

	snprintf(by->receiver, sizeof by->receiver, "%s%s%s",
	    PICK(&r, surnames), PICK(&r, given),
	    chance(&r, 0.6) ? PICK(&r, given) : "");
	snprintf(by->mobile, sizeof by->mobile, "%s%08llu",
	    PICK(&r, mobile_prefix), (unsigned long long)below(&r, 100000000));
	if (chance(&r, 0.6))
		snprintf(by->alipay, sizeof by->alipay, "%.3s****%s",
		    chance(&r, 0.8) ? by->mobile : PICK(&r, mobile_prefix),
		    by->mobile + 7);
	else
		snprintf(by->alipay, sizeof by->alipay, "%.2s***@%s",
		    by->nick[0] & 0x80 ? "kk" : by->nick + (by->nick[0] == 't' &&
		    by->nick[1] == '_' ? 2 : 0),
		    chance(&r, 0.6) ? "qq.com" : chance(&r, 0.5) ? "163.com" :
		    "126.com");
	/* A few buyers live where postage is not free. */
	by->place = chance(&r, 0.04) ?
	    (int)(NELEM(places) - 1 - below(&r, NREMOTE)) :
	    (int)below(&r, NELEM(places) - NREMOTE);
	snprintf(by->address, sizeof by->address,
	    "%s %s %s %s%s%d号%s%d幢%d单元%d%02d室(%s)",
	    places[by->place].province, places[by->place].city,
	    places[by->place].district, PICK(&r, towns), PICK(&r, streets),
	    (int)(1 + below(&r, 899)), PICK(&r, estates), (int)(1 + below(&r, 30)),
	    (int)(1 + below(&r, 4)), (int)(1 + below(&r, 28)),
	    (int)(1 + below(&r, 4)), places[by->place].zip);
	by->tail = (unsigned)below(&r, 10000);
}

/* 买家昵称 as review pages show it: first and last character. */
static void
mask_nick(const char *nick, char *buf, size_t size)
{
	size_t n = strlen(nick), first = 1, last = n - 1;

	while (first < n && ((unsigned char)nick[first] & 0xC0) == 0x80)
		first++;
	while (last > 0 && ((unsigned char)nick[last] & 0xC0) == 0x80)
		last--;
	snprintf(buf, size, "%.*s***%s", (int)first, nick, nick + last);
}

/* ---- when things happen: a weight an hour, arrivals spread by it ---- */

#define MAXBINS	(60 * 24)

struct curve {
	int64_t		 start;		/* the first bin begins here */
	int64_t		 width;		/* seconds a bin */
	int		 n;
	double		 cum[MAXBINS + 1];
	unsigned char	 front[MAXBINS]; /* buyers crowd the first minutes */
};

static void
curve_init(struct curve *c, int64_t start, int64_t width, const double *w,
    int n)
{
	int i;

	c->start = start;
	c->width = width;
	c->n = n;
	c->cum[0] = 0;
	for (i = 0; i < n; i++) {
		c->cum[i + 1] = c->cum[i] + w[i];
		c->front[i] = 0;
	}
}

/*
 * The time at quantile u of the curve. Monotonic in u, so that arrivals k
 * and k + 1 drawn at (k + unif) / N come out in time order.
 */
static int64_t
curve_at(const struct curve *c, double u)
{
	double x = u * c->cum[c->n], p;
	int lo = 0, hi = c->n, mid;

	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (c->cum[mid] <= x)
			lo = mid;
		else
			hi = mid;
	}
	p = (x - c->cum[lo]) / (c->cum[lo + 1] - c->cum[lo]);
	if (c->front[lo])
		p = p * p * p;	/* half of the hour's orders in its first 8 minutes */
	if (p >= 1)
		p = 0.999999;
	return c->start + lo * c->width + (int64_t)(p * (double)c->width);
}

/* An ordinary day's chats, hour by hour (evening peak, quiet night). */
static const double day_hours[24] = {
	2.0, 1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 0.8, 1.5, 3.0, 4.0, 3.8,
	3.0, 3.2, 3.5, 3.5, 3.3, 3.0, 3.0, 3.6, 4.5, 5.0, 4.5, 3.0,
};

/*
 * Double 11 from 20:00 on the 10th to midnight on the 11th (research §3):
 * rising through the evening, the highest at 00:00-02:00, flat until 08:30,
 * a day peak to 11:00, a small peak after 21:00.
 */
static const double d11_hours[28] = {
	3, 4, 5, 7,
	24, 11, 4, 2, 1, 1, 1, 2, 3, 5, 6, 5,
	4, 4, 4, 4, 3, 3, 3, 4, 5, 6, 5, 4,
};

/* The 11-01 first wave: the sale opens at 20:00 on 10-31 and that hour is
 * the busiest. */
static const double wave_hours[28] = {
	22, 12, 8, 6,
	4, 2, 1, 1, 0.5, 0.5, 1, 1.5, 3, 4, 4.5, 4,
	3.5, 3.5, 3.5, 3.5, 3, 3, 3, 3.5, 4, 4.5, 4, 3,
};

/* ---- orders ---- */

/*
 * A world of orders: N orders between start and start + 28 h. Presale
 * orders are those placed before the sale opens; their balance is paid from
 * the opening. snap1 and snap2 are the moments of the two exports.
 */
struct world {
	enum stream	 stream;
	uint64_t	 norders;
	uint64_t	 nbuyers;	/* buyers of orders are 0..nbuyers-1 */
	int64_t		 start, sale, ship_from, snap1, snap2;
	struct curve	 curve;
};

static void
world_d11(struct world *w, uint64_t norders)
{
	w->stream = S_ORDER;
	w->norders = norders > 0 ? norders : 1;
	/* 300 orders from 450 possible buyers: about 220 buyers, some with
	 * two or three orders. */
	w->nbuyers = w->norders * 3 / 2 + 1;
	w->start = at(2026, 11, 10, 20, 0);
	w->sale = at(2026, 11, 11, 0, 0);
	w->ship_from = at(2026, 11, 11, 8, 0);
	w->snap1 = at(2026, 11, 12, 0, 0);
	w->snap2 = at(2026, 11, 13, 22, 30);
	curve_init(&w->curve, w->start, HOUR, d11_hours, 28);
	w->curve.front[0] = w->curve.front[4] = 1;
}

static void
world_wave(struct world *w, uint64_t norders)
{
	world_d11(w, norders);
	w->stream = S_FIRSTWAVE;
	w->start = at(2026, 10, 31, 20, 0);
	w->sale = at(2026, 11, 1, 0, 0);
	w->ship_from = at(2026, 11, 1, 8, 0);
	w->snap1 = at(2026, 11, 2, 0, 0);
	w->snap2 = w->snap1;
	curve_init(&w->curve, w->start, HOUR, wave_hours, 28);
	w->curve.front[0] = 1;
}

struct line {
	const struct item *it;
	int		 color, size;
	int		 qty;
	int64_t		 due;		/* after discounts */
};

enum state { ST_UNPAID, ST_PAID, ST_SHIPPED, ST_DONE, ST_CLOSED };

struct order {
	uint64_t	 k;
	uint64_t	 buyer;
	uint64_t	 id;
	int64_t		 created;
	int		 chat;		/* the buyer chatted before ordering */
	int		 nline;
	struct line	 line[3];
	int64_t		 goods;		/* 买家应付货款 */
	int64_t		 post;		/* 买家应付邮费 */
	int64_t		 deposit;	/* presale: paid when ordering */
	int64_t		 paid_at;	/* the order (the balance) paid; 0: never */
	int64_t		 shipped_at, done_at, closed_at;
	int		 refund;	/* closed by a refund after payment */
	int		 by_taobao;	/* closed shows as 交易被淘宝关闭 */
	int		 comma;		/* status written with an ASCII comma */
	int		 mobile, proxy, carrier;
	uint64_t	 waybill;
	const char	*why;		/* 订单关闭原因 */
	const char	*note;		/* 买家留言 */
	const char	*memo;		/* 订单备注 */
	const char	*invoice;	/* 发票抬头 */
};

/* 订单关闭原因 as a real export writes them: 买家未付款 and 退款 mostly. */
static const char *const cancel_why[] = {
	"买家未付款", "买家未付款", "买家未付款", "买家未付款", "我不想买了",
	"信息填写错误，重新拍", "其他原因",
};

/* 买家留言; the "?" is an emoji that GBK could not hold. */
static const char *const notes[] = {
	"尽快发货，谢谢", "请发顺丰，补运费", "送人的，不要放发票和价格单",
	"麻烦发中通", "要S码的，别发错了", "能不能早点发货?", "快点发货哦?",
	"周末不在家，请放快递柜", "生日礼物，包装好一点", "颜色要和图片一样的",
	"请不要放\"感谢信\"，谢谢", "地址写错了,以留言为准：3单元502",
};
static const char *const memos[] = {
	"已催付", "VIP老客，优先发", "赠袜子一双", "已备注运费险", "改发顺丰",
};
static const char *const invoices[] = {
	"杭州云起网络科技有限公司", "个人", "上海青禾文化传播有限公司",
};
static const char *const carriers[] = {
	"中通快递", "圆通速递", "韵达快递", "顺丰速运", "申通快递",
};
static const char *const waybill_prefix[] = { "75", "YT", "43", "SF", "77" };

/*
 * k to 13 digits, one to one (for k below 10^13), neighbours far apart:
 * k times a number prime to 10, modulo 10^13, by doubling so that nothing
 * overflows 64 bits.
 */
static uint64_t
spread(uint64_t k)
{
	const uint64_t m = 10000000000000ULL;
	uint64_t a = k % m, b = 6180339887499ULL, x = 0;

	for (; b > 0; b >>= 1) {
		if (b & 1)
			x = (x + a) % m;
		a = (a + a) % m;
	}
	return x;
}

/* Draws shared by the order and the inquiry before it. */
static void
order_head(const struct world *w, uint64_t k, struct rng *r, struct order *o)
{
	*r = rng_at(w->stream, k);
	o->k = k;
	o->created = curve_at(&w->curve,
	    ((double)k + unif(r)) / (double)w->norders);
	o->chat = chance(r, 0.7);
}

static int64_t
line_gross(const struct line *l)
{
	return l->it->price * l->qty;
}

static void
order_make(const struct world *w, uint64_t k, struct order *o)
{
	struct rng r;
	struct buyer by;
	int64_t gross, left, base;
	double u;
	int i, j;

	order_head(w, k, &r, o);
	o->buyer = below(&r, w->nbuyers);
	buyer_make(o->buyer, &by);

	/* The id: unique in its 13 middle digits, ending with the buyer's
	 * last four as Taobao's do, 19 digits, a few of 18. */
	o->id = spread(k + seed * 7919 + (uint64_t)w->stream * 1000003) *
	    10000 + by.tail;
	o->id += chance(&r, 0.15) ? (1 + below(&r, 2)) * 100000000000000000ULL :
	    (30 + below(&r, 20)) * 100000000000000000ULL;

	u = unif(&r);
	o->nline = u < 0.78 ? 1 : u < 0.95 ? 2 : 3;
	for (i = 0; i < o->nline; i++) {
		struct line *l = &o->line[i];

		do {
			l->it = pick_item(&r);
			/* Before the sale, deposits are what people buy. */
			if (i == 0 && o->created < w->sale && chance(&r, 0.45))
				while (l->it->deposit == 0)
					l->it = pick_item(&r);
			for (j = 0; j < i && o->line[j].it != l->it; j++)
				continue;
		} while (j < i);
		l->color = (int)below(&r, (uint64_t)count_of(l->it->colors));
		l->size = (int)below(&r, (uint64_t)count_of(l->it->sizes));
		u = unif(&r);
		l->qty = l->it->price >= 500 * YUAN || u < 0.82 ? 1 : u < 0.96 ?
		    2 : 3;
	}
	/* Presale items ordered before the sale opens are deposits. */
	o->deposit = 0;
	if (o->line[0].it->deposit > 0 && o->created < w->sale &&
	    chance(&r, 0.85)) {
		o->nline = 1;
		o->line[0].qty = 1;
		o->deposit = o->line[0].it->deposit;
	}
	/* No order above 2999.00. */
	for (;;) {
		gross = 0;
		for (i = 0; i < o->nline; i++)
			gross += line_gross(&o->line[i]);
		if (gross <= 2999 * YUAN)
			break;
		if (o->line[o->nline - 1].qty > 1)
			o->line[o->nline - 1].qty--;
		else
			o->nline--;
	}
	/* What the buyer owes: the deposit counts double (定金膨胀); else
	 * 每满300减50 for most, and 88VIP's 95 % for some. */
	if (o->deposit > 0)
		o->goods = gross - o->deposit;
	else {
		o->goods = gross;
		if (gross >= 300 * YUAN && chance(&r, 0.75))
			o->goods -= gross / (300 * YUAN) * 50 * YUAN;
		if (chance(&r, 0.12))
			o->goods = (o->goods * 95 + 50) / 100;
	}
	left = o->goods;
	for (i = 0; i < o->nline; i++) {
		o->line[i].due = i + 1 < o->nline ?
		    line_gross(&o->line[i]) * o->goods / gross : left;
		left -= o->line[i].due;
	}
	o->post = by.place >= (int)(NELEM(places) - NREMOTE) &&
	    o->goods < 99 * YUAN ? 10 * YUAN : 0;

	/* The fate. */
	o->paid_at = o->shipped_at = o->done_at = o->closed_at = 0;
	o->refund = 0;
	o->why = NULL;
	u = unif(&r);
	if (o->deposit > 0) {
		if (u < 0.30)
			o->paid_at = w->sale + skew(&r, 5, 3 * HOUR, 3);
		else if (u < 0.62)
			o->paid_at = w->snap1 + skew(&r, MINUTE, 20 * HOUR, 2);
		else {
			/* The balance was due by the end of 11-12. */
			o->closed_at = w->snap1 + DAY + (int64_t)below(&r, 60);
			o->why = "买家未付款";
		}
	} else if (u < 0.47)
		o->paid_at = o->created + skew(&r, 8, 5 * MINUTE, 3);
	else if (u < 0.69)
		o->paid_at = o->created + skew(&r, 10 * MINUTE, 40 * HOUR, 2);
	else if (u < 0.72) {
		o->paid_at = o->created + skew(&r, 8, 5 * MINUTE, 3);
		o->closed_at = o->paid_at + skew(&r, 30 * MINUTE, 30 * HOUR, 2);
		o->refund = 1;
		o->why = "退款";
	} else if (chance(&r, 0.45)) {
		o->closed_at = o->created + skew(&r, 2 * MINUTE, 36 * HOUR, 3);
		o->why = PICK(&r, cancel_why);
	} else {
		/* Unpaid orders close after 72 hours. */
		o->closed_at = o->created + 72 * HOUR;
		o->why = "买家未付款";
	}
	if (o->paid_at > 0) {
		base = o->paid_at > w->ship_from ? o->paid_at : w->ship_from;
		/* Presale stock is packed before the sale and leaves first. */
		o->shipped_at = base + (o->deposit > 0 ?
		    skew(&r, 10 * MINUTE, 6 * HOUR, 2) :
		    skew(&r, 2 * HOUR, 60 * HOUR, 2));
		o->done_at = o->shipped_at + (chance(&r, 0.06) ?
		    skew(&r, HOUR, 8 * HOUR, 1) : skew(&r, 2 * DAY, 6 * DAY, 1));
		if (o->refund && o->closed_at < o->shipped_at)
			o->shipped_at = o->done_at = 0;
	}
	o->by_taobao = chance(&r, 0.6);
	o->comma = chance(&r, 0.08);
	o->mobile = chance(&r, 0.92);
	o->proxy = chance(&r, 0.02);
	o->carrier = (int)below(&r, NELEM(carriers));
	o->waybill = below(&r, 10000000000000ULL);
	o->note = chance(&r, 0.1) ? PICK(&r, notes) : "";
	o->memo = chance(&r, 0.05) ? PICK(&r, memos) : "";
	o->invoice = chance(&r, 0.03) ? PICK(&r, invoices) : "";
}

static enum state
order_state(const struct order *o, int64_t t)
{
	if (o->closed_at > 0 && o->closed_at <= t)
		return ST_CLOSED;
	if (o->paid_at == 0 || o->paid_at > t)
		return ST_UNPAID;
	if (o->done_at > 0 && o->done_at <= t)
		return ST_DONE;
	if (o->shipped_at > 0 && o->shipped_at <= t)
		return ST_SHIPPED;
	return ST_PAID;
}

static const char *
state_text(const struct order *o, enum state st)
{
	switch (st) {
	case ST_UNPAID:
		return "等待买家付款";
	case ST_PAID:
		return o->comma ? "买家已付款,等待卖家发货" :
		    "买家已付款，等待卖家发货";
	case ST_SHIPPED:
		return "卖家已发货，等待买家确认";
	case ST_DONE:
		return "交易成功";
	case ST_CLOSED:
		break;
	}
	return o->by_taobao && !o->refund ? "交易被淘宝关闭" : "交易关闭";
}

/* What the buyer has paid at state st: the deposit of an unpaid presale. */
static int64_t
order_paid(const struct order *o, enum state st)
{
	if (st == ST_UNPAID || (st == ST_CLOSED && !o->refund))
		return o->deposit;
	return o->goods + o->post;
}

/* 分阶段(订单)信息 of a presale order: the step status, then the stages. */
static void
stage_text(const struct order *o, enum state st, char *buf, size_t size)
{
	int64_t balance = o->goods - o->deposit;
	const char *step, *tail;

	buf[0] = '\0';
	if (o->deposit == 0)
		return;
	if (st == ST_UNPAID) {
		step = "定金已付尾款未付";
		tail = "等待买家付款";
	} else if (st == ST_CLOSED) {
		step = "定金已付尾款未付";
		tail = "交易关闭";
	} else {
		step = "定金已付尾款已付";
		tail = "买家已付款";
	}
	snprintf(buf, size, "%s;阶段1:定金%lld.%02lld元,交易状态买家已付款;"
	    "阶段2:尾款%lld.%02lld元,交易状态%s;", step,
	    (long long)(o->deposit / 100), (long long)(o->deposit % 100),
	    (long long)(balance / 100), (long long)(balance % 100), tail);
}

/* ---- taobao-orders, taobao-orders-later: 已卖出的宝贝 ExportOrderList ---- */

static const char *const taobao_header[] = {
	"订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费",
	"买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分",
	"订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
	"联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ",
	"物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称",
	"订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单",
	"分阶段订单信息", "特权订金订单id", "是否上传合同照片", "是否上传小票",
	"是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息",
	"天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型",
	"新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称",
	"新零售发货门店id", "退款金额", "预约门店", "确认收货时间", "打款商家金额",
	"含应开票给个人的个人红包",
};

static const char shop_name[] = "云朵旗舰店";

/* Quoted money and times, as the Taobao export writes every field. */
static void
q_money(int64_t cents)
{
	outc(',');
	outc('"');
	out_money(cents);
	outc('"');
}

static void
q_time(int64_t t)
{
	outc(',');
	outc('"');
	if (t > 0)
		out_time(t);
	outc('"');
}

static void
q_next(const char *s)
{
	outc(',');
	out_q(s);
}

static void
taobao_row(const struct order *o, int64_t snap)
{
	enum state st = order_state(o, snap);
	int shipped = o->shipped_at > 0 && o->shipped_at <= snap;
	struct buyer by;
	char buf[256];
	int64_t paid = order_paid(o, st);
	int i, qty = 0;

	buyer_make(o->buyer, &by);
	/* The id as an Excel formula, unquoted, so that Excel keeps all 19
	 * digits; the real export does exactly this. */
	out("=\"");
	out_uint(o->id);
	outc('"');
	q_next(by.nick);
	q_next(by.alipay);
	q_money(o->goods);
	q_money(o->post);
	q_next("0");
	q_money(o->goods + o->post);
	q_next("0");
	q_money(st == ST_UNPAID && o->deposit == 0 ? 0 : paid);
	q_next("0");
	q_next(state_text(o, st));
	q_next(o->note);
	q_next(by.receiver);
	q_next(by.address);
	q_next("快递");
	q_next("");
	outc(',');
	outc('"');
	outc('\'');
	out(by.mobile);
	outc('"');
	q_time(o->created);
	q_time(st == ST_UNPAID || (st == ST_CLOSED && !o->refund) ? 0 :
	    o->paid_at);
	/* Several items: their titles in one field. */
	outc(',');
	outc('"');
	for (i = 0; i < o->nline; i++) {
		if (i > 0)
			out("，");
		out(o->line[i].it->title);
		qty += o->line[i].qty;
	}
	outc('"');
	outc(',');
	outc('"');
	out_uint((uint64_t)o->nline);
	outc('"');
	outc(',');
	outc('"');
	if (shipped) {
		/* "No:" keeps Excel from turning it into a number. */
		out("No:");
		out(waybill_prefix[o->carrier]);
		out_uint(1000000000000ULL + o->waybill);
	}
	outc('"');
	q_next(shipped ? carriers[o->carrier] : "");
	q_next(o->memo);
	outc(',');
	outc('"');
	out_uint((uint64_t)qty);
	outc('"');
	q_next("0");
	q_next(shop_name);
	q_next(st == ST_CLOSED ? o->why : "订单未关闭");
	q_next("0");
	q_next("0元");
	q_next(o->invoice);
	q_next(o->mobile ? "手机订单" : "");
	stage_text(o, st, buf, sizeof buf);
	q_next(buf);
	out(",=\"\"");
	q_next("否");
	q_next("否");
	q_next(o->proxy ? "是" : "否");
	for (i = 0; i < 12; i++)	/* 定金排名 .. 新零售发货门店id */
		q_next("");
	q_money(st == ST_CLOSED && o->refund ? paid : 0);
	q_next("");
	q_time(st == ST_DONE ? o->done_at : 0);
	/* 打款商家金额: the money reaches the shop when the buyer confirms. */
	outc(',');
	outc('"');
	out_money(st == ST_DONE ? paid : 0);
	out("元\"");
	q_money(0);
	outc('\n');
}

static void
gen_taobao(uint64_t n, int later)
{
	struct world w;
	struct order o;
	uint64_t k;
	size_t i;

	world_d11(&w, n);
	for (i = 0; i < NELEM(taobao_header); i++) {
		if (i > 0)
			outc(',');
		out_q(taobao_header[i]);
	}
	outc('\n');
	/* Newest first, as 已卖出的宝贝 lists them. */
	for (k = w.norders; k-- > 0;) {
		order_make(&w, k, &o);
		taobao_row(&o, later ? w.snap2 : w.snap1);
	}
}

/* ---- qianniu-suborders: 千牛 销售明细, one row an item line ---- */

static const char *const qianniu_header[] = {
	"子订单编号", "主订单编号", "商品标题", "商品价格", "购买数量",
	"外部系统编号", "商品属性", "套餐信息", "联系方式备注", "订单状态",
	"商家编码", "支付单号", "买家应付货款", "买家实付金额", "退款状态",
	"退款金额", "订单创建时间", "订单付款时间", "淘鲜达渠道", "商品ID",
	"分阶段信息", "备注标签", "商家备注", "主订单买家留言", "是否主动赔付",
	"主动赔付金额", "主动赔付出账时间",
};

/* An Alipay trade number: the day paid, 2200, 16 digits. */
static void
out_payno(int64_t t, uint64_t k)
{
	int y, m, d;

	civil_from_days(t / DAY, &y, &m, &d);
	out_uint((uint64_t)y);
	out_pad2(m);
	out_pad2(d);
	out("2200");
	out_uint(1000000000000000ULL + (k * 2654435761ULL + seed) %
	    9000000000000000ULL);
}

static void
qianniu_rows(const struct order *o, int64_t snap)
{
	enum state st = order_state(o, snap);
	int paid = st != ST_UNPAID && !(st == ST_CLOSED && !o->refund);
	char buf[256], color[64], size[64];
	int i;

	for (i = 0; i < o->nline; i++) {
		const struct line *l = &o->line[i];

		/* A single line's id is the order's, as on Taobao. */
		out_uint(o->nline == 1 ? o->id : o->id + (uint64_t)(i + 1) * 100000);
		outc(',');
		out_uint(o->id);
		outc(',');
		out_field(l->it->title);
		outc(',');
		out_money(l->it->price);
		outc(',');
		out_uint((uint64_t)l->qty);
		outc(',');
		out(l->it->sku);
		outc(',');
		entry_of(l->it->colors, l->color, color, sizeof color);
		out("颜色分类:");
		out(color);
		if (l->it->sizes != NULL) {
			entry_of(l->it->sizes, l->size, size, sizeof size);
			out(l->it->kind == K_BEDDING || l->it->kind == K_HOME ?
			    ";规格:" : ";尺码:");
			out(size);
		}
		out(",,,");
		out_field(state_text(o, st));
		outc(',');
		out(l->it->sku);
		outc(',');
		if (paid || o->deposit > 0)
			out_payno(paid ? o->paid_at : o->created, o->k * 3 +
			    (uint64_t)i);
		outc(',');
		out_money(l->due);
		outc(',');
		/* 买家实付金额: a bare 0 until paid, the deposit of a presale. */
		if (paid)
			out_money(l->due);
		else if (o->deposit > 0)
			out_money(o->deposit);
		else
			outc('0');
		outc(',');
		out(st == ST_CLOSED && o->refund ? "退款成功," : "没有申请退款,");
		if (st == ST_CLOSED && o->refund)
			out_money(l->due);
		else
			out("无退款申请");
		outc(',');
		out_time(o->created);
		outc(',');
		if (paid)
			out_time(o->paid_at);
		out(",,");
		out_uint(l->it->id);
		outc(',');
		stage_text(o, st, buf, sizeof buf);
		out_field(buf);
		out(",,");
		out_field(o->memo);
		outc(',');
		out_field(o->note);
		out(",否,,\n");
	}
}

static void
gen_qianniu(uint64_t n)
{
	struct world w;
	struct order o;
	uint64_t k;
	size_t i;

	world_wave(&w, n);
	for (i = 0; i < NELEM(qianniu_header); i++) {
		if (i > 0)
			outc(',');
		out(qianniu_header[i]);
	}
	outc('\n');
	for (k = w.norders; k-- > 0;) {
		order_make(&w, k, &o);
		qianniu_rows(&o, w.snap1);
	}
}

/* ---- inquiries: the 询单 export a shop's 流失跟进表 is kept in ---- */

/* 流失原因 as agents type them, by what went wrong. */
static const char *const why_slow[] = {
	"回复太慢了", "没及时回复", "客服回复慢", "等太久走了", "高峰期没回上",
	"顾客说等了很久", "没回复到", "回复慢了，顾客去别家了",
};
static const char *const why_price[] = {
	"嫌贵", "觉得贵", "嫌价格高", "说别家便宜", "直播间更便宜", "等活动再买",
	"想等降价", "要优惠券，没有了", "没凑上满减", "问能不能便宜点",
};
static const char *const why_stock[] = {
	"没有S码了", "S码断货", "想要的颜色没了", "尺码不全", "XL没货了", "断码",
	"要的尺码没了",
};
static const char *const why_compare[] = {
	"比了几家", "再看看", "考虑一下", "货比三家", "去别家买了", "说回去想想",
};
static const char *const why_ship[] = {
	"快递不到", "偏远地区不包邮", "要顺丰发不了", "等不及发货时间",
	"问发货时间，嫌晚",
};
static const char *const why_service[] = {
	"态度不好", "答非所问", "说话太生硬", "没解决问题", "顾客嫌客服敷衍",
};
static const char *const why_other[] = {
	"问完就走了", "只是问问", "送人的再想想", "问完大小就没回复了",
	"拿不准大小", "问面料答不上来", "赠品没有了",
};
static const char *const why_unpaid[] = {
	"拍下未付款", "说晚点付", "忘记付款了", "等发工资", "付款时卡了",
	"想凑单", "等尾款时间", "嫌贵了没付",
};

struct inq {
	int64_t		 t;
	int		 agent;
	uint64_t	 buyer;
	const struct item *it;
	int64_t		 resp;		/* first response, seconds; -1: none */
	int		 minutes;	/* written as 1分20秒 */
	int		 ordered, paid;
	int64_t		 amount;
	const char	*why;
};

/* Inquiries sort within this of their order: the heap holds this much. */
#define MAXLEAD	(5 * HOUR)

/* When the buyer of order o chatted: minutes before, mostly; some asked
 * on the evening of the 10th and ordered at midnight. */
static int64_t
link_time(const struct world *w, const struct order *o, struct rng *r)
{
	if (o->created >= w->sale && o->created < w->sale + 20 * MINUTE &&
	    chance(r, 0.35))
		return w->start + skew(r, 0, w->sale - w->start - 10 * MINUTE, 1);
	if (chance(r, 0.75))
		return o->created - skew(r, 30, 25 * MINUTE, 2);
	return o->created - skew(r, 25 * MINUTE, 3 * HOUR, 1);
}

/* How long the agent took; slow answers lose buyers, and nobody is fast
 * in the first two hours of the 11th. */
static void
inq_response(const struct world *w, struct inq *q, struct rng *r)
{
	const struct agent *a = &agents[q->agent];
	int64_t s = skew(r, a->lo, a->hi, a->power);

	if (!q->paid)
		s = s * 8 / 5;
	if (q->t >= w->sale && q->t < w->sale + 2 * HOUR)
		s *= 2;
	q->resp = chance(r, 0.04) ? -1 : s;
	q->minutes = s >= 60 && chance(r, 0.5);
}

static const char *
lost_reason(struct inq *q, struct rng *r)
{
	uint64_t x;

	if (!chance(r, 0.55))
		return "";
	if (q->resp >= 60 && chance(r, 0.55))
		return PICK(r, why_slow);
	x = below(r, 100);
	if (x < 26)
		return PICK(r, why_price);
	if (x < 44)
		return q->it->sizes != NULL ? PICK(r, why_stock) : PICK(r, why_price);
	if (x < 60)
		return PICK(r, why_compare);
	if (x < 67)
		return PICK(r, why_ship);
	if (x < 75 || (x < 85 && (q->agent == 1 || q->agent == 3)))
		return PICK(r, why_service);
	if (x < 92)
		return PICK(r, why_other);
	return PICK(r, why_slow);
}

/* The chat before order k. */
static void
inq_linked(const struct world *w, uint64_t k, struct inq *q)
{
	struct order o;
	struct rng r = rng_at(S_LINK, k);
	enum state st;

	order_make(w, k, &o);
	q->t = link_time(w, &o, &r);
	q->buyer = o.buyer;
	q->it = o.line[0].it;
	st = order_state(&o, w->snap2);
	/* The 流失跟进表 is filled in after the sale: paid means paid by then. */
	q->ordered = 1;
	q->paid = st == ST_PAID || st == ST_SHIPPED || st == ST_DONE;
	q->amount = q->paid ? order_paid(&o, st) : 0;
	q->agent = pick_agent(&r, q->t, q->paid);
	inq_response(w, q, &r);
	q->why = "";
	if (!q->paid && chance(&r, 0.65))
		q->why = chance(&r, 0.75) ? PICK(&r, why_unpaid) :
		    PICK(&r, why_price);
}

/* Lost chats run from the morning of the 10th to the end of the 12th. */
static void
lost_curve(struct curve *c)
{
	double wt[72];
	int h;

	for (h = 0; h < 24; h++) {
		wt[h] = day_hours[h] * (h >= 20 ? 2.0 : 1.0);
		wt[24 + h] = d11_hours[4 + h] * 1.36;
		wt[48 + h] = day_hours[h] * 0.8;
	}
	curve_init(c, at(2026, 11, 10, 0, 0), HOUR, wt, 72);
}

/* Chat j of those that bought nothing in the order export (a few on the
 * 12th did buy, after the export was made). */
static void
inq_lost(const struct world *w, const struct curve *c, uint64_t j,
    uint64_t nlost, struct inq *q)
{
	struct rng r = rng_at(S_LOST, j);

	q->t = curve_at(c, ((double)j + unif(&r)) / (double)nlost);
	q->buyer = w->nbuyers / 2 + below(&r, w->nbuyers * 3 / 2);
	q->it = pick_item(&r);
	q->ordered = q->paid = q->t >= w->snap1 && chance(&r, 0.35);
	q->amount = q->paid ? q->it->price : 0;
	q->agent = pick_agent(&r, q->t, q->paid);
	inq_response(w, q, &r);
	q->why = q->paid ? "" : lost_reason(q, &r);
}

static const char inquiry_header[] =
    "咨询时间,店铺名称,客服,买家昵称,咨询商品,商家编码,首次响应时长(秒),"
    "是否下单,是否付款,付款金额(元),流失原因\n";

/* bad: the row number to spoil for bad-inquiries.csv, else -1. */
static void
inq_row(const struct inq *q, int bad, int last)
{
	struct buyer by;

	buyer_make(q->buyer, &by);
	out_time(q->t);
	outc(',');
	out(shop_name);
	outc(',');
	out(agents[q->agent].name);
	outc(',');
	out_field(by.nick);
	outc(',');
	out_field(q->it->title);
	outc(',');
	out(q->it->sku);
	outc(',');
	if (bad == 2)
		out("abc");
	else if (q->resp >= 0 && q->minutes) {
		out_uint((uint64_t)(q->resp / 60));
		out("分");
		out_uint((uint64_t)(q->resp % 60));
		out("秒");
	} else if (q->resp >= 0)
		out_uint((uint64_t)q->resp);
	if (bad == 10) {	/* ragged: the row stops here */
		outc('\n');
		return;
	}
	outc(',');
	out(q->ordered || bad == 14 ? "是," : "否,");
	out(bad == 6 ? "maybe," : q->paid || bad == 14 ? "是," : "否,");
	if (bad == 14)
		out("一百");
	else if (q->paid)
		out_money(q->amount);
	outc(',');
	if (last) {		/* a quote left open at the end of the file */
		out("\"回复太慢了，顾客说");
		outc('\n');
		return;
	}
	out_field(q->why);
	outc('\n');
}

/* A min-heap of inquiries by time: index << 1 | lost. */
struct ev {
	int64_t		 t;
	uint64_t	 id;
};

static struct ev *heap;
static size_t	  nheap, capheap;

static int
ev_less(const struct ev *a, const struct ev *b)
{
	return a->t < b->t || (a->t == b->t && a->id < b->id);
}

static void
heap_push(int64_t t, uint64_t id)
{
	size_t i = nheap++, up;
	struct ev e = { t, id };

	if (nheap > capheap) {
		capheap = capheap ? capheap * 2 : 4096;
		heap = realloc(heap, capheap * sizeof *heap);
		if (heap == NULL) {
			perror("gen");
			exit(1);
		}
	}
	for (; i > 0 && ev_less(&e, &heap[up = (i - 1) / 2]); i = up)
		heap[i] = heap[up];
	heap[i] = e;
}

static struct ev
heap_pop(void)
{
	struct ev top = heap[0], last = heap[--nheap];
	size_t i = 0, c;

	for (; (c = 2 * i + 1) < nheap; i = c) {
		if (c + 1 < nheap && ev_less(&heap[c + 1], &heap[c]))
			c++;
		if (!ev_less(&heap[c], &last))
			break;
		heap[i] = heap[c];
	}
	heap[i] = last;
	return top;
}

/*
 * Merge the chats before orders with the chats that bought nothing, in
 * time order. Each stream comes in the order of its base time (the order's
 * creation, the chat's time) and a chat is at most MAXLEAD before its base,
 * so a chat older than the next base - MAXLEAD can be written.
 */
static void
gen_inquiries(uint64_t n, int bad)
{
	struct world w;
	struct curve *c = malloc(sizeof *c);
	struct order o;
	struct inq q;
	struct rng r;
	struct ev e;
	uint64_t k, j, nlinked = 0, nlost, row = 0;
	int64_t base_k, base_j, t;

	if (c == NULL) {
		perror("gen");
		exit(1);
	}
	world_d11(&w, n * 3 / 4);
	lost_curve(c);
	for (k = 0; k < w.norders; k++) {
		order_head(&w, k, &r, &o);
		nlinked += o.chat != 0;
	}
	nlost = n > nlinked ? n - nlinked : 1;
	out(inquiry_header);
	k = j = 0;
	for (;;) {
		base_k = base_j = INT64_MAX;
		while (k < w.norders) {
			order_head(&w, k, &r, &o);
			if (o.chat)
				break;
			k++;
		}
		if (k < w.norders)
			base_k = o.created;
		if (j < nlost) {
			r = rng_at(S_LOST, j);
			base_j = curve_at(c, ((double)j + unif(&r)) /
			    (double)nlost);
		}
		if (base_k == INT64_MAX && base_j == INT64_MAX)
			break;
		while (nheap > 0 && heap[0].t < (base_k < base_j ? base_k :
		    base_j) - MAXLEAD) {
			e = heap_pop();
			if (e.id & 1)
				inq_lost(&w, c, e.id >> 1, nlost, &q);
			else
				inq_linked(&w, e.id >> 1, &q);
			inq_row(&q, bad ? (int)row : -1, 0);
			row++;
		}
		if (base_k <= base_j) {
			r = rng_at(S_LINK, k);
			t = link_time(&w, &o, &r);
			heap_push(t, k << 1);
			k++;
		} else {
			heap_push(base_j, j << 1 | 1);
			j++;
		}
	}
	while (nheap > 0) {
		e = heap_pop();
		if (e.id & 1)
			inq_lost(&w, c, e.id >> 1, nlost, &q);
		else
			inq_linked(&w, e.id >> 1, &q);
		inq_row(&q, bad ? (int)row : -1, bad && nheap == 0);
		row++;
	}
	free(c);
}

/* ---- reviews: what buyers write, pieced together from what they say ---- */

static const char *const pos_any[] = {
	"质量很好", "质量不错", "做工精细", "做工很好", "性价比很高", "物超所值",
	"和图片一样", "跟描述的一样", "没有色差", "颜色很正", "很喜欢",
	"超级喜欢", "非常满意", "挺好的", "还不错", "值得购买", "价格实惠",
	"这个价格很值了", "包装很用心", "包装很严实", "发货很快", "物流很快",
	"快递很给力，第二天就到了", "客服很耐心", "客服小姐姐态度超好",
	"老顾客了，一直在这家买", "回购好几次了", "送人的，朋友很喜欢",
	"给妈妈买的，她很喜欢", "没有异味", "摸着很舒服", "比实体店便宜多了",
};
static const char *const pos_clothes[] = {
	"尺码标准", "按平时的尺码拍的，刚刚好", "160/100斤穿M正好",
	"版型很好，显瘦", "上身效果很好", "面料很舒服", "很保暖", "软软糯糯的",
	"穿着很舒服", "不起球", "洗了不掉色", "领口不勒", "线头很少", "很百搭",
	"客服推荐的尺码很合适", "老公说我穿着很好看",
};
static const char *const pos_bedding[] = {
	"很蓬松", "盖着很暖和", "睡感很好", "不钻绒", "洗了不缩水", "手感很顺滑",
	"颜色很高级", "铺上很好看", "一点都不闷", "宝宝也能用",
};
static const char *const pos_small[] = {
	"袜子很厚实", "便宜好用", "9块9五双太划算了", "穿着不勒脚", "弹性很好",
	"很可爱", "放沙发上很好看", "填充很足", "很软很舒服",
};

/* Complaints, one bank an aspect; logistics is drawn more after 11.11. */
static const char *const neg_logistics[] = {
	"物流太慢了", "快递一个星期才到", "快递太慢了", "物流信息好几天不更新",
	"双十一快递爆仓，等了好久", "发货太慢了", "付款三天了才发货",
	"快递放驿站也不通知", "快递盒子都压扁了", "催了好几次才发货",
	"说好48小时发货，结果等了五天",
};
static const char *const neg_clothes[] = {
	"有线头", "有点起球", "洗了一次就起球了", "掉毛", "做工一般", "开线了",
	"有个小污渍", "尺码偏小", "偏大一码", "袖子有点长", "码数不准",
	"有色差", "颜色比图片暗", "有点薄", "没有想象中厚", "面料有点硬",
	"有点扎", "说是\"加厚\"的，一点也不厚", "有股味道",
};
static const char *const neg_bedding[] = {
	"有点钻绒", "被子有点薄", "洗了一次就缩水了", "床单有点起球",
	"刚拆开有异味，晾了两天才散", "颜色和图片不一样", "尺寸不对，小了一圈",
};
static const char *const neg_small[] = {
	"袜子有点薄", "洗了就变形了", "有点掉色", "比想象中小", "填充不够，软塌塌的",
};
static const char *const neg_any[] = {
	"买完就降价了", "双十一比平时还贵", "价保不给退差价", "客服回复太慢了",
	"客服爱答不理的", "问什么都是机器人回复", "说好的赠品没有", "赠品没收到",
	"包装破了", "外包装很简陋", "退换货太麻烦",
};
static const char *const one_word[] = {
	"差评", "垃圾", "很差", "太差了", "别买", "上当了", "失望", "差",
	"退了", "不推荐", "差差差", "无语",
};
static const char *const short_good[] = {
	"好", "很好", "不错", "好评", "满意", "挺好的👍", "可以", "喜欢",
	"好好好", "棒", "还行", "nice",
};
/* What buyers add to reach the length that earns points. */
static const char *const padding[] = {
	"好评！", "五星好评", "好评好评好评", "给个好评", "会回购的", "推荐购买",
	"👍", "👍👍👍", "😊", "❤️", "💯", "赞赞赞", "满分", "下次还来",
	"好评好评好评好评好评好评好评好评", "为了凑字数我也是拼了",
	"满意满意满意", "宝贝收到了，很满意", "🌹🌹",
};
static const char *const contrast[] = {
	"但是", "不过", "就是", "可惜", "唯一不足的是", "美中不足的是", "只是",
	"但",
};
static const char *const meh[] = {
	"一般般吧", "还行吧", "马马虎虎", "中规中矩", "一般", "凑合穿吧",
	"没有想象中好",
};
static const char *const angry[] = { "😡", "😤", "🙄", "无语", "...", "！！！" };
static const char *const sep_comma[] = { "，", "，", "，", ",", " ", "！", "。" };
static const char *const ends[] = { "", "", "。", "！", "!!", "~", "～" };
static const char *const follow_good[] = {
	"用了一段时间了，还是很好", "洗过一次，没有缩水", "穿了一周了，没有起球，好评",
	"回购了，还是一样好", "盖了几天，很暖和", "追评：真的很好，推荐",
};
static const char *const follow_bad[] = {
	"穿了一周就起球了，有点失望", "洗了一次掉色严重", "用了几天发现有个地方开线了",
	"后来降价了，心塞", "快递员态度很差，东西是好的",
};
static const char *const follow_angry[] = {
	"商家联系我退款了，态度还行", "退货了，运费还要自己出", "申请退款一直没人处理",
};

struct text {
	char		*p;
	size_t		 n, size;
};

static void
add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->n + n < t->size) {
		memcpy(t->p + t->n, s, n);
		t->n += n;
		t->p[t->n] = '\0';
	}
}

static const char *
pos_of(struct rng *r, const struct item *it)
{
	if (chance(r, 0.45))
		return PICK(r, pos_any);
	if (it->kind == K_BEDDING)
		return PICK(r, pos_bedding);
	if (it->kind == K_CLOTHES)
		return PICK(r, pos_clothes);
	return PICK(r, pos_small);
}

static const char *
neg_of(struct rng *r, const struct item *it, double logistics)
{
	if (chance(r, logistics))
		return PICK(r, neg_logistics);
	if (chance(r, 0.3))
		return PICK(r, neg_any);
	if (it->kind == K_BEDDING)
		return PICK(r, neg_bedding);
	if (it->kind == K_CLOTHES)
		return PICK(r, neg_clothes);
	return PICK(r, neg_small);
}

/* Praise: one to three distinct clauses. */
static void
praise(struct text *t, struct rng *r, const struct item *it, int max)
{
	const char *used[3];
	int i, j, n = 1 + (int)below(r, (uint64_t)max);

	for (i = 0; i < n; i++) {
		used[i] = pos_of(r, it);
		for (j = 0; j < i; j++)
			if (used[j] == used[i])
				break;
		if (j < i)
			continue;
		if (t->n > 0)
			add(t, PICK(r, sep_comma));
		add(t, used[i]);
	}
}

/*
 * The first review of a buyer with this rating. logistics is the chance a
 * complaint is about delivery: it rises after 11.11, when the parcels pile
 * up, and that is the trend a weekly summary must show.
 */
static void
compose(struct text *t, struct rng *r, const struct item *it, int rating,
    double logistics)
{
	double hidden = 0.1 + logistics / 2;

	t->n = 0;
	t->p[0] = '\0';
	switch (rating) {
	case 5:
	case 4:
		if (rating == 5 && chance(r, 0.08)) {
			add(t, "此用户没有填写评价。");
			return;
		}
		if (rating == 5 && chance(r, 0.05)) {
			add(t, "评价方未及时做出评价,系统默认好评!");
			return;
		}
		if (rating == 5 && chance(r, 0.08)) {
			add(t, PICK(r, short_good));
			return;
		}
		praise(t, r, it, rating == 5 ? 3 : 2);
		/* The complaint a five-star review hides. */
		if (chance(r, rating == 5 ? hidden : 0.55)) {
			add(t, chance(r, 0.15) ? "\n" : PICK(r, sep_comma));
			add(t, PICK(r, contrast));
			add(t, neg_of(r, it, logistics));
		}
		add(t, PICK(r, ends));
		if (chance(r, rating == 5 ? 0.3 : 0.1))
			add(t, PICK(r, padding));
		break;
	case 3:
		add(t, PICK(r, meh));
		if (chance(r, 0.5)) {
			add(t, PICK(r, sep_comma));
			add(t, pos_of(r, it));
		}
		add(t, PICK(r, sep_comma));
		add(t, neg_of(r, it, logistics));
		add(t, PICK(r, ends));
		break;
	default:
		if (chance(r, 0.35)) {
			add(t, PICK(r, one_word));
			if (chance(r, 0.3))
				add(t, PICK(r, angry));
			break;
		}
		add(t, neg_of(r, it, logistics));
		if (chance(r, 0.6)) {
			add(t, PICK(r, sep_comma));
			add(t, neg_of(r, it, logistics));
		}
		add(t, PICK(r, sep_comma));
		add(t, rating == 1 ? PICK(r, one_word) : "不推荐");
		if (chance(r, 0.4))
			add(t, PICK(r, angry));
	}
}

/* Reviews a day: a few, then the Double 11 parcels arriving. */
static double
review_day_weight(int64_t day)
{
	int64_t d11 = days_from_civil(2026, 11, 11);

	if (day < d11 + 2)
		return 4;
	if (day < d11 + 6)
		return 4 + 3 * (double)(day - d11 - 1);
	return 16 - 0.5 * (double)(day - d11 - 6);
}

static void
gen_reviews(uint64_t n)
{
	struct world w;
	struct curve *c = malloc(sizeof *c);
	double wt[56 * 24];
	int64_t first = days_from_civil(2026, 9, 28), t, d11;
	char textbuf[640], follow[160], masked[64];
	struct text text = { textbuf, 0, sizeof textbuf };
	struct order o;
	struct buyer by;
	const struct item *it;
	uint64_t i, id, buyer;
	int d, h, rating, tries, linked;
	double logistics;

	if (c == NULL) {
		perror("gen");
		exit(1);
	}
	world_d11(&w, n > 300 ? n : 300);
	for (d = 0; d < 56; d++)
		for (h = 0; h < 24; h++)
			wt[d * 24 + h] = review_day_weight(first + d) *
			    day_hours[h];
	curve_init(c, first * DAY, HOUR, wt, 56 * 24);
	d11 = days_from_civil(2026, 11, 11) * DAY;
	out("评价时间,买家昵称,宝贝标题,商家编码,订单编号,评分,初次评价内容,"
	    "追加评论\n");
	/* Newest first, as the review page lists them. */
	for (i = n; i-- > 0;) {
		struct rng r = rng_at(S_REVIEW, i);

		t = curve_at(c, ((double)i + unif(&r)) / (double)n);
		/* After the sale, most reviews are of the sale's orders. */
		linked = 0;
		for (tries = 0; t >= d11 + 2 * DAY && tries < 8; tries++) {
			order_make(&w, below(&r, w.norders), &o);
			if (o.shipped_at > 0 && o.shipped_at + DAY < t &&
			    order_state(&o, t) != ST_CLOSED) {
				linked = 1;
				break;
			}
		}
		if (linked) {
			it = o.line[0].it;
			id = o.id;
			buyer = o.buyer;
		} else {
			it = pick_item(&r);
			buyer = below(&r, w.nbuyers * 2);
			buyer_make(buyer, &by);
			id = (30 + below(&r, 10)) * 100000000000000000ULL +
			    spread(i + seed * 7919 + S_OLD * 1000003ULL) * 10000 +
			    by.tail;
		}
		buyer_make(buyer, &by);
		mask_nick(by.nick, masked, sizeof masked);
		logistics = t < d11 ? 0.05 : t < d11 + 4 * DAY ? 0.2 : 0.4;
		rating = (int)below(&r, 100);
		rating = rating < 67 ? 5 : rating < 80 ? 4 : rating < 88 ? 3 :
		    rating < 92 ? 2 : 1;
		compose(&text, &r, it, rating, logistics);
		follow[0] = '\0';
		/* Even a buyer who wrote nothing may come back to it. */
		if (rating >= 4 && chance(&r, 0.14))
			snprintf(follow, sizeof follow, "%s",
			    chance(&r, 0.7) ? PICK(&r, follow_good) :
			    PICK(&r, follow_bad));
		else if (rating <= 2 && chance(&r, 0.2))
			snprintf(follow, sizeof follow, "%s",
			    PICK(&r, follow_angry));
		out_time(t);
		outc(',');
		out_field(masked);
		outc(',');
		out_field(it->title);
		outc(',');
		out(it->sku);
		outc(',');
		out_uint(id);
		outc(',');
		out_uint((uint64_t)rating);
		outc(',');
		out_field(textbuf);
		outc(',');
		out_field(follow);
		outc('\n');
	}
	free(c);
}

/* ---- receptions: 接待人数 a day, and a day of them an hour ---- */

/*
 * A shop's years: October's mean level, and on 11.11 how many times
 * that the shop got (5 to 9, not the same each year). Only the two named
 * shops are in the committed file; -n adds made-up ones for bench/.
 */
struct season {
	int		 year;
	int		 october;	/* mean receptions a day */
	double		 ratio;		/* 11-11 / October mean; 0: no 11.11 yet */
};

static const struct season yunduo[] = {
	{ 2024, 820, 6.3 }, { 2025, 960, 7.6 }, { 2026, 1130, 0 },
};
static const struct season xinghe[] = {
	{ 2025, 310, 8.7 }, { 2026, 455, 0 },
};

static const char *const shop_words[] = {
	"蜜桃", "青柠", "山野", "北极星", "小满", "木槿", "晴川", "知秋", "鹿角",
	"橘子",
};
static const char *const shop_kinds[] = {
	"旗舰店", "专营店", "专卖店", "的小店",
};

/* How busy a day is against an ordinary one. */
static double
day_factor(int year, int m, int d, int wd)
{
	static const double week[7] = {
		1.12, 0.97, 0.94, 0.95, 0.98, 1.02, 1.10,
	};
	static const double nov[13] = {
		0, 3.2, 1.7, 1.35, 1.2, 1.2, 1.25, 1.25, 1.3, 1.45, 2.4, 0, 1.9,
	};
	/* The presale opens on an evening in mid-October. */
	int presale = year == 2024 ? 14 : 20;
	double f = week[wd];

	if (m == 10 && d <= 7)
		f *= 0.82;	/* 国庆: people are away */
	else if (m == 10 && (d == presale || d == presale + 1))
		f *= d == presale ? 1.35 : 1.2;
	else if (m == 10 && d == 31)
		f *= 1.6;	/* the first wave opens at 20:00 */
	else if (m == 11)
		f *= nov[d];
	return f;
}

/* Receptions of one shop's year, October 1 to November 12 (43 days; 11-11
 * is ratio times the October mean, rounded). */
static int
season_days(uint64_t shop, const struct season *s, int64_t *v)
{
	int64_t day0 = days_from_civil(s->year, 10, 1), sum = 0;
	int i, m, d, y, ndays = s->ratio > 0 ? 43 : 31;

	for (i = 0; i < ndays; i++) {
		struct rng r = rng_at(S_DAY, shop << 32 | (uint64_t)(day0 + i));
		double noise = 1 + 0.16 * (unif(&r) + unif(&r) - 1);

		civil_from_days(day0 + i, &y, &m, &d);
		v[i] = (int64_t)((double)s->october *
		    day_factor(s->year, m, d, weekday(day0 + i)) * noise + 0.5);
		if (i < 31)
			sum += v[i];
	}
	if (ndays == 43)
		v[41] = (int64_t)(s->ratio * (double)sum / 31 + 0.5);
	return ndays;
}

/* Shop i: its name and seasons (made up past the two named ones). */
static int
shop_seasons(uint64_t i, char *name, size_t size, struct season *s)
{
	struct rng r;
	int n, y;
	double level;

	if (i == 0) {
		snprintf(name, size, "%s", shop_name);
		memcpy(s, yunduo, sizeof yunduo);
		return (int)NELEM(yunduo);
	}
	if (i == 1) {
		snprintf(name, size, "星河家居专营店");
		memcpy(s, xinghe, sizeof xinghe);
		return (int)NELEM(xinghe);
	}
	r = rng_at(S_SHOP, i);
	snprintf(name, size, "%s%s%llu", PICK(&r, shop_words),
	    PICK(&r, shop_kinds), (unsigned long long)i);
	level = 80 + (double)below(&r, 3000);
	for (n = 0, y = 2017; y <= 2026; y++, n++) {
		s[n].year = y;
		s[n].october = (int)level;
		s[n].ratio = y < 2026 ? 5 + 4 * unif(&r) : 0;
		level *= 1.02 + 0.2 * unif(&r);
	}
	return n;
}

static void
gen_receptions_daily(uint64_t nshops)
{
	struct season s[16];
	int64_t v[43], day0;
	char name[64];
	uint64_t i;
	int ns, j, d, nd;

	out("日期,店铺名称,接待人数\n");
	for (i = 0; i < nshops; i++) {
		ns = shop_seasons(i, name, sizeof name, s);
		for (j = 0; j < ns; j++) {
			nd = season_days(i, &s[j], v);
			day0 = days_from_civil(s[j].year, 10, 1);
			for (d = 0; d < nd; d++) {
				out_date(day0 + d);
				outc(',');
				out(name);
				outc(',');
				out_uint((uint64_t)v[d]);
				outc('\n');
			}
		}
	}
}

/* 11.11 an hour, as a share of the day (research §3). */
static const double d11_share[24] = {
	14.0, 8.5, 3.0, 1.3, 0.8, 0.7, 1.0, 1.8, 3.4, 5.4, 6.2, 5.4,
	4.2, 4.3, 4.5, 4.3, 4.0, 3.6, 3.5, 4.0, 4.8, 5.6, 4.4, 3.6,
};

/* Last year's 11.11 per hour, summing to that day in the daily file. */
static void
gen_receptions_hourly(uint64_t nshops)
{
	struct season s[16];
	int64_t v[43], n[24], total, left;
	double w[24], sum, frac[24], best;
	char name[64];
	uint64_t i;
	int ns, j, h, pick;

	out("店铺名称,时段,接待人数\n");
	for (i = 0; i < nshops; i++) {
		ns = shop_seasons(i, name, sizeof name, s);
		for (j = 0; j < ns && s[j].year != 2025; j++)
			continue;
		if (j == ns)
			continue;
		season_days(i, &s[j], v);
		total = v[41];
		sum = 0;
		for (h = 0; h < 24; h++) {
			struct rng r = rng_at(S_HOUR, i * 24 + (uint64_t)h);

			w[h] = d11_share[h] * (0.9 + 0.2 * unif(&r));
			sum += w[h];
		}
		/* Largest remainders, so that the hours add up exactly. */
		left = total;
		for (h = 0; h < 24; h++) {
			double x = (double)total * w[h] / sum;

			n[h] = (int64_t)x;
			frac[h] = x - (double)n[h];
			left -= n[h];
		}
		for (; left > 0; left--) {
			best = -1;
			pick = 0;
			for (h = 0; h < 24; h++)
				if (frac[h] > best) {
					best = frac[h];
					pick = h;
				}
			n[pick]++;
			frac[pick] = -1;
		}
		for (h = 0; h < 24; h++) {
			out(name);
			outc(',');
			out_uint((uint64_t)h);
			outc(',');
			out_uint((uint64_t)n[h]);
			outc('\n');
		}
	}
}

/* ---- members, items, agents, reasons: the side files ---- */

static const char *const tiers[] = {
	"非会员", "普通会员", "高级会员", "VIP会员", "至尊VIP",
};

/* The CRM's member list: 4 in 5 of the buyers who could order. */
static void
gen_members(uint64_t n)
{
	static const int64_t spend[5][2] = {
		{ 0, 0 }, { 30, 900 }, { 900, 3000 }, { 3000, 12000 },
		{ 12000, 60000 },
	};
	struct world w;
	struct buyer by;
	uint64_t b;
	int tier;

	world_d11(&w, n * 5 / 6);
	out("买家会员名,会员等级,累计消费金额,最近购买时间\n");
	for (b = 0; b < w.nbuyers; b++) {
		struct rng r = rng_at(S_MEMBER, b);
		uint64_t x;

		if (!chance(&r, 0.8))
			continue;
		x = below(&r, 100);
		tier = x < 50 ? 1 : x < 78 ? 2 : x < 93 ? 3 : 4;
		buyer_make(b, &by);
		out_field(by.nick);
		outc(',');
		/* Some CRMs export the grade as its number. */
		x = below(&r, 100);
		if (x < 3)
			out("0");
		else if (x < 9)
			out_uint((uint64_t)tier);
		else
			out(tiers[tier]);
		outc(',');
		out_money(skew(&r, spend[tier][0], spend[tier][1], 2) * YUAN +
		    (int64_t)below(&r, 100));
		outc(',');
		out_time(at(2025, 1, 1, 0, 0) + DAY * 677 -
		    skew(&r, 0, DAY * 677, 3) + (int64_t)below(&r, DAY));
		outc('\n');
	}
}

static void
gen_items(void)
{
	size_t i;

	out("商家编码,关键词,商品角色,类目\n");
	for (i = 0; i < NELEM(items); i++) {
		if (!items[i].by_sku)
			continue;
		out(items[i].sku);
		out(",,");
		out(items[i].role);
		outc(',');
		out(items[i].category);
		outc('\n');
	}
	for (i = 0; i < NELEM(item_words); i++) {
		outc(',');
		out(item_words[i].keyword);
		outc(',');
		out(item_words[i].role);
		outc(',');
		out(item_words[i].category);
		outc('\n');
	}
}

static void
gen_agents(void)
{
	size_t i;

	out("agent,weight,channels\n");
	for (i = 0; i < NELEM(agents); i++) {
		out(agents[i].name);
		outc(',');
		out_uint((uint64_t)agents[i].weight);
		outc(',');
		out(agents[i].channels);
		outc('\n');
	}
}

/* The words this shop's agents use that the built-in table does not know. */
static void
gen_reasons(void)
{
	out("keyword,label\n"
	    "尺码,缺货\n"
	    "S码,缺货\n"
	    "直播间,价格\n"
	    "几家,比价观望\n"
	    "答不上来,产品知识不足\n"
	    "赠品,价格\n");
}

/* ---- main ---- */

static const struct kind_entry {
	const char	*name;
	uint64_t	 rows;		/* the committed file's -n */
	const char	*what;
} kinds[] = {
	{ "taobao-orders", 300, "Taobao ExportOrderList, as of 2026-11-12 00:00" },
	{ "taobao-orders-later", 300, "the same orders, as of 2026-11-13 22:30" },
	{ "qianniu-suborders", 120, "Qianniu 销售明细, one row an item (-n orders)" },
	{ "inquiries", 400, "chat inquiries (询单) with 流失原因" },
	{ "reviews", 300, "reviews, 2026-09-28 .. 11-22" },
	{ "receptions-daily", 2, "receptions a day (-n shops)" },
	{ "receptions-hourly", 2, "11.11 of 2025 per hour (-n shops)" },
	{ "members", 360, "CRM members (-n about the rows)" },
	{ "items", 0, "item roles for cs-segment" },
	{ "agents", 0, "chase agents" },
	{ "reasons", 0, "shop keywords for lost reasons" },
	{ "bad-inquiries", 20, "inquiries with bad rows" },
};

static void
usage(void)
{
	size_t i;

	fprintf(stderr, "usage: gen KIND [-n ROWS] [-s SEED]\nkinds:\n");
	for (i = 0; i < NELEM(kinds); i++)
		fprintf(stderr, "  %-20s %s\n", kinds[i].name, kinds[i].what);
	exit(2);
}

static uint64_t
number(const char *opt, const char *s)
{
	char *end;
	unsigned long long v;

	if (s == NULL || *s < '0' || *s > '9')
		usage();
	v = strtoull(s, &end, 10);
	if (*end != '\0' || v > 1000000000000ULL) {
		fprintf(stderr, "gen: %s %s: invalid\n", opt, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char *argv[])
{
	const struct kind_entry *kind = NULL;
	uint64_t rows;
	size_t i;
	int a;

	if (argc < 2)
		usage();
	for (i = 0; i < NELEM(kinds); i++)
		if (strcmp(argv[1], kinds[i].name) == 0)
			kind = &kinds[i];
	if (kind == NULL)
		usage();
	rows = kind->rows;
	for (a = 2; a < argc; a++) {
		if (strcmp(argv[a], "-n") == 0 && a + 1 < argc)
			rows = number("-n", argv[++a]);
		else if (strcmp(argv[a], "-s") == 0 && a + 1 < argc)
			seed = number("-s", argv[++a]);
		else
			usage();
	}

	switch (kind - kinds) {
	case 0:
	case 1:
		gen_taobao(rows, kind - kinds == 1);
		break;
	case 2:
		gen_qianniu(rows);
		break;
	case 3:
		gen_inquiries(rows, 0);
		break;
	case 4:
		gen_reviews(rows);
		break;
	case 5:
		gen_receptions_daily(rows);
		break;
	case 6:
		gen_receptions_hourly(rows);
		break;
	case 7:
		gen_members(rows);
		break;
	case 8:
		gen_items();
		break;
	case 9:
		gen_agents();
		break;
	case 10:
		gen_reasons();
		break;
	default:
		gen_inquiries(rows, 1);
		break;
	}
	flush_out();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen: standard output");
		return 1;
	}
	return 0;
}
