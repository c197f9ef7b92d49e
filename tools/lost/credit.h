/*
 * Crediting orders to inquiries (询单归属), the platforms' rule: an order
 * belongs to the buyer's latest inquiry at or before the order's creation,
 * if that inquiry was at most window-1 calendar days earlier (window 3: the
 * inquiry's day and the two after it). Takes plain arrays, so that a test
 * needs no CSV.
 */
#ifndef LOST_CREDIT_H
#define LOST_CREDIT_H

#include <stddef.h>
#include <stdint.h>

struct lost_credit;

struct lost_credit *lost_credit_new(const uint32_t *, const int64_t *, size_t);
long	 lost_credit_find(const struct lost_credit *, uint32_t, int64_t, int);
void	 lost_credit_free(struct lost_credit *);

#endif
