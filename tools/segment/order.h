/*
 * One order, put together from the lines of an export. A main-order export
 * (Taobao ExportOrderList) has one line an order; a sub-order export
 * (Qianniu 销售明细, JD) has one line per item, and consecutive lines with
 * the same order id are one order:
 *
 *   - item titles and skus are joined by SEG_JOIN, each distinct one once;
 *   - the other texts (buyer, name, phone, shop, category) come from the
 *     first line that has them; created_at is the earliest, paid_at the
 *     first given;
 *   - amounts: in a sub-order export (one with a suborder_id column, such as
 *     Qianniu's 子订单编号) each line has its own and they are summed. In
 *     other exports lines repeat the order's amount (JD's 订单金额): equal
 *     amounts count once, different ones are summed. In an order that is
 *     not closed, the closed lines (items taken out of it) do not count;
 *   - status: unpaid if a line is, else paid if a line is, else closed. A
 *     presale whose stage information says the deposit is paid and the
 *     balance is not is unpaid with stage balance, whatever its status,
 *     unless closed; a deposit unpaid is unpaid with stage order.
 *
 * Memory: the order owns reused buffers, so putting orders together
 * allocates only when an order is longer than every one before it.
 */
#ifndef SEG_ORDER_H
#define SEG_ORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "value.h"
#include "values.h"

#include "items.h"

/* The texts of a line and an order. */
enum seg_text {
	SEG_T_ID, SEG_T_BUYER, SEG_T_NAME, SEG_T_PHONE, SEG_T_SHOP, SEG_T_ITEM,
	SEG_T_SKU, SEG_T_CATEGORY, SEG_NTEXT
};

/* One export line, parsed; the texts are borrowed. */
struct seg_line {
	const char	*text[SEG_NTEXT];
	size_t		 len[SEG_NTEXT];
	enum cs_status	 status;	/* from seg_status_decide */
	bool		 has_created, has_paid;
	int64_t		 created, paid;	/* seconds */
	int64_t		 amount;	/* cents */
	enum seg_presale presale;
	bool		 balance;	/* the export's stage column says balance */
	int		 tier;		/* the export's tier column, or -1 */
	enum seg_role	 role;		/* the export's role column */
	long		 line;
};

struct seg_order {
	struct cs_buf	 text[SEG_NTEXT];
	size_t		 nlines;
	long		 line;		/* of its first line */
	bool		 any_unpaid, any_paid;
	bool		 has_created, has_paid;
	int64_t		 created, paid;
	int64_t		 sum, first_amount;
	int64_t		 open_sum;	/* of the lines not closed */
	bool		 amounts_differ;
	enum seg_presale presale;
	bool		 balance;
	int		 tier;
	enum seg_role	 role;

	/* Set by seg_order_finish. */
	enum cs_status	 status;
	enum seg_stage	 stage;
	int64_t		 amount;
};

enum cs_status seg_status_decide(bool, enum cs_status, bool, bool);
void	 seg_order_init(struct seg_order *);
void	 seg_order_start(struct seg_order *, const struct seg_line *);
bool	 seg_order_same(const struct seg_order *, const char *, size_t);
void	 seg_order_add(struct seg_order *, const struct seg_line *);
void	 seg_order_finish(struct seg_order *, bool);
void	 seg_order_free(struct seg_order *);

#endif
