/*
 * Logical fields and the headers real exports give them.
 *
 * Tools speak of logical fields (order_id, buyer, agent...); the alias
 * table maps the headers of Taobao, Tmall, JD, Pinduoduo and Qianniu
 * exports to them. A header matches after cs_header_norm: spaces and a
 * BOM trimmed, ASCII case folded, ' ' and '-' read as '_', and a trailing
 * unit in brackets dropped, so "首次响应时长(秒)", "付款金额（元）" and
 * "Order ID" match "首次响应时长", "付款金额" and "order_id". The logical
 * name itself always matches first (one tool's output is the next one's
 * input), then the aliases in table order: when several headers of one
 * file match, the alias listed first wins. --map FIELD=HEADER beats the
 * table.
 */
#ifndef CS_FIELDS_H
#define CS_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "reader.h"

#define CS_FIELD_REQUIRED	1

struct cs_field {
	const char	*name;		/* logical name */
	int		 flags;		/* CS_FIELD_REQUIRED */
};

const char *const *cs_field_aliases(const char *);
void	 cs_header_norm(const char *, size_t, struct cs_buf *);
int	 cs_fields_add_map(const char *);
const char *cs_fields_check_map(void);
void	 cs_fields_bind(const struct cs_row *, const char *,
	    const struct cs_field *, size_t, int *);
struct cs_reader *cs_fields_open(const char *, const struct cs_reader_opts *,
	    const struct cs_field *, size_t, int *, bool);
void	 cs_fields_reset(void);

#endif
