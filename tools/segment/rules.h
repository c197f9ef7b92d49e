/*
 * Segmentation rules: ordered conditions on an unpaid order and what they
 * give (segment, channel, template, priority). The first rule whose every
 * condition holds wins; an empty condition always holds.
 *
 * A rule is made from text, one value a column of a rules file (--rules),
 * so that the built-in rules, a shop's own file and --print-rules are the
 * same thing:
 *
 *   tier_min, tier_max      member tier 0-4, both ends included
 *   role                    引流 利润 活动 独家 (several: '|' between)
 *   category                item category, exact ('|' between)
 *   stage                   order or balance
 *   amount_min, amount_max  yuan: amount_min <= amount < amount_max
 *   keyword                 the item title contains it ('|' between)
 *   hours_min, hours_max    hours since the order: min <= age < max
 *   segment                 the group's name (required)
 *   channel                 wangwang, sms, phone or none (required)
 *   template                the message template's name
 *   priority                0-100, higher first (default 0)
 *   rule                    the rule in words; empty: made from the
 *                           conditions ("tier 2 or above and ...")
 *
 * Memory: rules copy their text into the set's arena and live until
 * seg_rules_free. Matching allocates nothing.
 */
#ifndef SEG_RULES_H
#define SEG_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "values.h"

enum seg_rule_col {
	SEG_COL_TIER_MIN, SEG_COL_TIER_MAX, SEG_COL_ROLE, SEG_COL_CATEGORY,
	SEG_COL_STAGE, SEG_COL_AMOUNT_MIN, SEG_COL_AMOUNT_MAX, SEG_COL_KEYWORD,
	SEG_COL_HOURS_MIN, SEG_COL_HOURS_MAX, SEG_COL_SEGMENT, SEG_COL_CHANNEL,
	SEG_COL_TEMPLATE, SEG_COL_PRIORITY, SEG_COL_RULE, SEG_NCOLS
};

extern const char *const seg_rule_columns[SEG_NCOLS];

/* Default --small and --big, in cents. */
#define SEG_SMALL_DEFAULT	1000
#define SEG_BIG_DEFAULT		50000

struct seg_list {
	const char	**v;
	size_t		 *len;
	size_t		  n;
};

struct seg_rule {
	int		 tier_min, tier_max;
	unsigned	 roles;		/* 1 << role; 0: any */
	struct seg_list	 categories;
	int		 stage;		/* enum seg_stage, or -1: any */
	bool		 has_amount_min, has_amount_max;
	int64_t		 amount_min, amount_max;	/* cents */
	struct seg_list	 keywords;
	bool		 has_age_min, has_age_max;
	int64_t		 age_min, age_max;		/* seconds */
	const char	*segment;
	enum seg_channel channel;
	const char	*template;
	int		 priority;
	const char	*rule;
	size_t		 index;		/* 0-based position in the set */
};

/* What the rules look at, for one order. */
struct seg_facts {
	int		 tier;
	enum seg_role	 role;
	const char	*category;
	size_t		 category_len;
	enum seg_stage	 stage;
	int64_t		 amount;	/* cents */
	const char	*item;
	size_t		 item_len;
	bool		 has_age;
	int64_t		 age;		/* seconds since the order was made */
};

struct seg_rules {
	struct seg_rule	*v;
	size_t		 n, cap;
	bool		 uses_age;	/* some rule has an hours condition */
	struct cs_arena	 arena;
};

void	 seg_rules_init(struct seg_rules *);
int	 seg_rules_add(struct seg_rules *, const char *const *,
	    const size_t *, struct cs_buf *);
void	 seg_rules_builtin(struct seg_rules *, int64_t, int64_t);
const struct seg_rule *seg_rules_match(const struct seg_rules *,
	    const struct seg_facts *);
void	 seg_rule_value(const struct seg_rule *, enum seg_rule_col,
	    struct cs_buf *);
void	 seg_rule_describe(const struct seg_rule *, struct cs_buf *);
void	 seg_rules_free(struct seg_rules *);

#endif
