/*
 * Orders from lines.
 */
#include "config.h"

#include <string.h>

#include "order.h"

/*
 * The status of one line: the status column's when it has one (has_status),
 * else paid when paid_at is given, unpaid when the export has a paid_at
 * column (paid_col) and it is empty. Without either, unknown.
 */
enum cs_status
seg_status_decide(bool has_status, enum cs_status st, bool paid_col,
    bool has_paid)
{
	if (has_status)
		return st;
	if (has_paid)
		return CS_STATUS_PAID;
	if (paid_col)
		return CS_STATUS_UNPAID;
	return CS_STATUS_UNKNOWN;
}

/* Start an order with no line. */
void
seg_order_init(struct seg_order *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 0; i < SEG_NTEXT; i++)
		cs_buf_grow(&o->text[i], 0);
}

/* Which of two presale readings says more: balance, deposit, paid, none. */
static int
presale_rank(enum seg_presale p)
{
	switch (p) {
	case SEG_PRESALE_BALANCE_UNPAID:
		return 3;
	case SEG_PRESALE_DEPOSIT_UNPAID:
		return 2;
	case SEG_PRESALE_PAID:
		return 1;
	case SEG_PRESALE_NONE:
		break;
	}
	return 0;
}

/* Whether s is already one of the SEG_JOIN-separated parts of b. */
static bool
has_part(const struct cs_buf *b, const char *s, size_t n)
{
	static const size_t joinlen = sizeof SEG_JOIN - 1;
	const char *p = b->data, *end = b->data + b->len;

	while (p <= end) {
		const char *q = p;
		while (q + joinlen <= end && memcmp(q, SEG_JOIN, joinlen) != 0)
			q++;
		if (q + joinlen > end)
			q = end;
		if ((size_t)(q - p) == n && memcmp(p, s, n) == 0)
			return true;
		p = q + joinlen;
	}
	return false;
}

static void
join(struct cs_buf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (b->len == 0) {
		cs_buf_add(b, s, n);
		return;
	}
	if (has_part(b, s, n))
		return;
	cs_buf_adds(b, SEG_JOIN);
	cs_buf_add(b, s, n);
}

/* Make o an order of the one line l (forgetting what it held). */
void
seg_order_start(struct seg_order *o, const struct seg_line *l)
{
	for (int i = 0; i < SEG_NTEXT; i++) {
		cs_buf_reset(&o->text[i]);
		cs_buf_add(&o->text[i], l->text[i], l->len[i]);
	}
	o->nlines = 1;
	o->line = l->line;
	o->any_unpaid = l->status == CS_STATUS_UNPAID;
	o->any_paid = l->status == CS_STATUS_PAID;
	o->has_created = l->has_created;
	o->created = l->created;
	o->has_paid = l->has_paid;
	o->paid = l->paid;
	o->sum = o->first_amount = l->amount;
	o->open_sum = l->status != CS_STATUS_CLOSED ? l->amount : 0;
	o->amounts_differ = false;
	o->presale = l->presale;
	o->balance = l->balance;
	o->tier = l->tier;
	o->role = l->role;
}

/* Whether an order id is this order's. */
bool
seg_order_same(const struct seg_order *o, const char *id, size_t n)
{
	return o->nlines > 0 && o->text[SEG_T_ID].len == n &&
	    memcmp(o->text[SEG_T_ID].data, id, n) == 0;
}

/* Add another line of the same order. */
void
seg_order_add(struct seg_order *o, const struct seg_line *l)
{
	for (int i = 0; i < SEG_NTEXT; i++) {
		if (i == SEG_T_ITEM || i == SEG_T_SKU)
			join(&o->text[i], l->text[i], l->len[i]);
		else if (o->text[i].len == 0)
			cs_buf_add(&o->text[i], l->text[i], l->len[i]);
	}
	o->nlines++;
	o->any_unpaid |= l->status == CS_STATUS_UNPAID;
	o->any_paid |= l->status == CS_STATUS_PAID;
	if (l->has_created && (!o->has_created || l->created < o->created)) {
		o->created = l->created;
		o->has_created = true;
	}
	if (l->has_paid && !o->has_paid) {
		o->paid = l->paid;
		o->has_paid = true;
	}
	o->sum += l->amount;
	if (l->status != CS_STATUS_CLOSED)
		o->open_sum += l->amount;
	o->amounts_differ |= l->amount != o->first_amount;
	if (presale_rank(l->presale) > presale_rank(o->presale))
		o->presale = l->presale;
	o->balance |= l->balance;
	if (o->tier < 0)
		o->tier = l->tier;
	if (o->role == SEG_ROLE_NONE)
		o->role = l->role;
}

/*
 * Decide the order's status, stage and amount; line_amounts says that each
 * line has its own amount (a sub-order export).
 */
void
seg_order_finish(struct seg_order *o, bool line_amounts)
{
	o->status = o->any_unpaid ? CS_STATUS_UNPAID :
	    o->any_paid ? CS_STATUS_PAID : CS_STATUS_CLOSED;
	o->stage = SEG_STAGE_ORDER;
	if (o->status != CS_STATUS_CLOSED) {
		if (o->presale == SEG_PRESALE_BALANCE_UNPAID) {
			o->status = CS_STATUS_UNPAID;
			o->stage = SEG_STAGE_BALANCE;
		} else if (o->presale == SEG_PRESALE_DEPOSIT_UNPAID)
			o->status = CS_STATUS_UNPAID;
		else if (o->status == CS_STATUS_UNPAID && o->balance)
			o->stage = SEG_STAGE_BALANCE;
	}
	if (!line_amounts && !o->amounts_differ)
		o->amount = o->first_amount;
	else if (o->status != CS_STATUS_CLOSED)
		o->amount = o->open_sum;	/* items taken out do not count */
	else
		o->amount = o->sum;
}

/* Free the order's buffers. */
void
seg_order_free(struct seg_order *o)
{
	for (int i = 0; i < SEG_NTEXT; i++)
		cs_buf_free(&o->text[i]);
}
