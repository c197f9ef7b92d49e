/*
 * Lost-inquiry reasons (流失原因) as agents write them, normalised to
 * canonical labels: "回复太慢了" and "没及时回复" both become 回复不及时.
 *
 * A reason gets the label of the first keyword it contains: the shop's own
 * keywords (lost_reasons_add, from --reasons FILE) in their order, then the
 * built-in table, specific keywords before general ones. A reason no
 * keyword matches is 其他; an empty one is 未填写. Results are memoised, so
 * each distinct text is matched once.
 */
#ifndef LOST_REASONS_H
#define LOST_REASONS_H

#include <stdbool.h>
#include <stddef.h>

#define LOST_REASON_EMPTY	"未填写"
#define LOST_REASON_OTHER	"其他"
#define LOST_REASON_CONVERTED	"已成交"

struct lost_reasons;

struct lost_reasons *lost_reasons_new(bool);
void	 lost_reasons_add(struct lost_reasons *, const char *, size_t,
	    const char *, size_t);
const char *lost_reasons_label(struct lost_reasons *, const char *, size_t);
void	 lost_reasons_free(struct lost_reasons *);

#endif
