/*
 * Chase messages: templates with placeholders, the shop's own (--templates)
 * and the built-in ones.
 *
 * A template is text with placeholders {name} {buyer} {item} {amount}
 * {order_id} {count} {deadline} {minutes_left} {hours_left} {shop} {agent};
 * {item|宝贝} gives a default for when the value is empty. A '{' that does
 * not start a placeholder is kept as written. An unknown name ({foo}) is an
 * error when the template is compiled, never a surprise in a message.
 *
 * The built-in templates are Chinese, in the friendly tone shops use (亲…),
 * one for each built-in segment (standard, promo, vip_big, balance), step
 * (the first, the later ones, the sweep, the pre-close chase) and channel,
 * with urgency in the sweep. When the buyer has several unpaid orders they
 * add how many; SMS texts carry the shop's signature 【…】 and 回T退订.
 *
 * Compiled templates live in the arena given to the compiler (for a set,
 * the set's own); the built-ins live until the program ends.
 */
#ifndef CHASE_TEMPLATES_H
#define CHASE_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "map.h"

enum chase_ph {
	CHASE_PH_NAME,
	CHASE_PH_BUYER,
	CHASE_PH_ITEM,
	CHASE_PH_AMOUNT,
	CHASE_PH_ORDER_ID,
	CHASE_PH_COUNT,
	CHASE_PH_DEADLINE,
	CHASE_PH_MINUTES_LEFT,
	CHASE_PH_HOURS_LEFT,
	CHASE_PH_SHOP,
	CHASE_PH_AGENT,
	CHASE_NPH
};

struct chase_piece {
	int		 ph;		/* a placeholder, or -1 for literal text */
	const char	*s;		/* the literal text, or the default */
	size_t		 n;
	bool		 has_default;
};

struct chase_template {
	struct chase_piece		*p;
	size_t				 n;
	const struct chase_template	*more;	/* added when count > 1 */
	const struct chase_template	*tail;	/* added last */
};

/* The values of one message; an empty value is no value. */
struct chase_values {
	const char	*v[CHASE_NPH];
	size_t		 n[CHASE_NPH];
	long		 count;		/* the buyer's unpaid orders */
};

struct chase_templates {
	struct cs_map	map;		/* "name\x1fchannel\x1fstep" -> template */
	struct cs_arena	arena;
};

const char *chase_ph_name(int);
int	 chase_template_compile(struct cs_arena *, const char *, size_t,
	    struct chase_template *, size_t *, size_t *);
unsigned chase_template_render(const struct chase_template *,
	    const struct chase_values *, struct cs_buf *);

void	 chase_templates_init(struct chase_templates *);
int	 chase_templates_add(struct chase_templates *, const char *, size_t,
	    int, int, const char *, size_t, size_t *, size_t *);
const struct chase_template *chase_templates_find(const struct chase_templates *,
	    const char *, size_t, int, int);
void	 chase_templates_free(struct chase_templates *);

bool	 chase_builtin_known(const char *, size_t);
const struct chase_template *chase_builtin(const char *, size_t, int, int);

#endif
