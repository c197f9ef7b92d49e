/*
 * The words cs-segment reads and writes: member tiers, product roles,
 * chase channels, order stages, and the presale stage information of
 * Taobao and Qianniu exports (分阶段订单信息, 分阶段信息).
 *
 * Each parser takes (bytes, length), ignores spaces at either end and ASCII
 * case, and returns 0 with the value stored, CS_VALUE_EMPTY for an empty
 * value or CS_VALUE_INVALID (value.h). Names are static strings. Nothing
 * here allocates.
 */
#ifndef SEG_VALUES_H
#define SEG_VALUES_H

#include <stddef.h>

#define SEG_TIER_MAX	4

/* Product roles (商品角色), as a shop plans its 11.11 range. */
enum seg_role {
	SEG_ROLE_NONE,		/* no item matched */
	SEG_ROLE_TRAFFIC,	/* 引流: priced low to bring buyers in */
	SEG_ROLE_PROFIT,	/* 利润 */
	SEG_ROLE_PROMO,		/* 活动: in a promotion that ends */
	SEG_ROLE_EXCLUSIVE,	/* 独家 */
	SEG_NROLES
};

enum seg_channel {
	SEG_CHANNEL_WANGWANG,
	SEG_CHANNEL_SMS,
	SEG_CHANNEL_PHONE,
	SEG_CHANNEL_NONE,
	SEG_NCHANNELS
};

/* What is unpaid: the whole order, or the balance (尾款) of a presale. */
enum seg_stage {
	SEG_STAGE_ORDER,
	SEG_STAGE_BALANCE
};

/* What a presale's stage information says. */
enum seg_presale {
	SEG_PRESALE_NONE,		/* no presale, or nothing recognised */
	SEG_PRESALE_DEPOSIT_UNPAID,	/* 定金未付: the order itself is unpaid */
	SEG_PRESALE_BALANCE_UNPAID,	/* 定金已付尾款未付 */
	SEG_PRESALE_PAID		/* every stage paid */
};

int	 seg_tier_parse(const char *, size_t, int *);
const char *seg_tier_name(int);
int	 seg_role_parse(const char *, size_t, enum seg_role *);
const char *seg_role_name(enum seg_role);
int	 seg_channel_parse(const char *, size_t, enum seg_channel *);
const char *seg_channel_name(enum seg_channel);
int	 seg_stage_parse(const char *, size_t, enum seg_stage *);
const char *seg_stage_name(enum seg_stage);
enum seg_presale seg_presale_parse(const char *, size_t);

#endif
