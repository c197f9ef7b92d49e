/*
 * The summary: reviews counted by aspect and by date, week, month, item
 * or SKU, with the change against the previous period and short quotes.
 *
 * A review counts once in each group of every aspect it names: positive
 * when the aspect came out + (rv_result_sign), negative when -, and as a hidden negative
 * when it is one and the aspect came out -. The row 全部 (all) of a group
 * counts every review: positive when the review is positive, negative when
 * it complains (negative or mixed). negative_share is negative / reviews;
 * change is that share minus the share of the same group in the previous
 * period (the day, week or month before), empty when that group has no
 * reviews. Quotes are the most negative clauses of the group, distinct,
 * at most RV_QUOTE_CHARS characters each.
 *
 * Rows come sorted by the other fields of --by in order (periods
 * oldest first, then item and SKU bytewise), then aspects worst first
 * (most negative reviews, then highest share, then lexicon order), 全部
 * last.
 *
 * Memory: one group per key, in the summary's arena, each with room for
 * its quotes; nothing is held per review.
 */
#ifndef RV_SUMMARY_H
#define RV_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "score.h"
#include "writer.h"

#define RV_ALL_NAME	"全部"
#define RV_QUOTE_CHARS	30
#define RV_QUOTE_BYTES	(RV_QUOTE_CHARS * 4 + 4)

enum rv_dim {
	RV_DIM_ASPECT,
	RV_DIM_DATE,
	RV_DIM_WEEK,
	RV_DIM_MONTH,
	RV_DIM_ITEM,
	RV_DIM_SKU,
	RV_NDIMS
};

/* One review as the summary needs it. */
struct rv_review {
	enum rv_polarity polarity;
	bool		 hidden;
	bool		 has_day;
	int64_t		 day;		/* days since 1970-01-01 */
	const char	*item;
	size_t		 itemlen;
	const char	*sku;
	size_t		 skulen;
};

struct rv_quote {
	int		 score;
	uint64_t	 seq;		/* input order */
	size_t		 len;
	char		 text[RV_QUOTE_BYTES];
};

struct rv_group {
	int		 aspect;	/* -1: 全部 */
	bool		 has_period;
	int64_t		 period;	/* day, Monday or month number */
	const char	*item, *sku;
	size_t		 itemlen, skulen;
	int64_t		 reviews, positive, negative, hidden;
	const struct rv_group *prev;	/* the previous period's, or NULL */
	struct rv_quote	*quotes;
	size_t		 nquotes;
};

struct rv_summary;

int	 rv_dim_parse(const char *, size_t);
const char *rv_dim_name(enum rv_dim);
bool	 rv_dim_is_period(enum rv_dim);
struct rv_summary *rv_summary_new(const struct rv_lexicon *,
	    const enum rv_dim *, size_t, size_t);
bool	 rv_summary_needs_date(const struct rv_summary *);
void	 rv_summary_add(struct rv_summary *, const struct rv_review *,
	    const struct rv_result *, const char *const *);
size_t	 rv_summary_rows(struct rv_summary *, struct rv_group ***);
void	 rv_summary_period_label(const struct rv_summary *,
	    const struct rv_group *, char *);
void	 rv_summary_write(struct rv_summary *, struct cs_writer *);
void	 rv_summary_free(struct rv_summary *);

#endif
