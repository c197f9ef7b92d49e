/*
 * The scorer: one review text in, its opinions out.
 *
 * rv_score reads a text once (the matcher), cuts it into clauses (the
 * splitter) and walks each clause's tokens:
 *
 *   - an opinion word counts its weight, + or -;
 *   - a degree word shortly before it (at most 2 characters between)
 *     multiplies it: 很好 1.5, 有点慢 0.6;
 *   - a negator shortly before it (at most 4 characters between, degree
 *     and aspect words included) flips it: 不好 -, 不贵 +, 没有色差 +,
 *     没有任何问题 +; two negators flip it back;
 *   - an attribute word (大, 薄, 硬…) counts only right after an excess
 *     degree (太, 有点, 偏, 略), and then as a complaint: 有点大 -, 很大 0;
 *   - a one-character positive word right before another opinion is a
 *     degree: 好慢 -, 好喜欢 +;
 *   - the clause's weight (contrast) multiplies everything in it.
 *
 * Inside a clause, a new segment starts where a second aspect is named
 * after an opinion about a first one ("质量好物流慢" is 质量 + and 物流 -).
 * A segment's score goes to the aspects it names; when it names none, to
 * the aspects its opinion words imply (偏小 → 尺码), else to the overall
 * opinion. A clause that names aspects without an opinion hands them to
 * the next clause when that one has an opinion but names nothing ("这个
 * 信号，是真差" is 性能 -).
 *
 * A text made only of punctuation and boilerplate (此用户没有填写评价,
 * 系统默认好评…) is no text. The parts of a review (its text, then its
 * follow-up) are scored into one struct rv_result, each part's sums kept
 * apart too. Scores are in hundredths.
 *
 * Memory: a scorer keeps its work buffers and reuses them review after
 * review; a result's arrays grow to the largest review seen. Neither
 * allocates once warmed up.
 */
#ifndef RV_SCORE_H
#define RV_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

enum rv_polarity {
	RV_NEUTRAL,
	RV_POSITIVE_REVIEW,
	RV_NEGATIVE_REVIEW,
	RV_MIXED
};

#define RV_NAMED_NEGATIVE	2	/* some clause complains about it */
#define RV_PARTS	2	/* the review, its follow-up */

struct rv_part {
	int		 pos, neg;	/* hundredths, both >= 0 */
	bool		 text;		/* has text that is not boilerplate */
};

/* A negative segment about one aspect (-1: overall), for quotes. */
struct rv_complaint {
	uint32_t	 start, end;	/* its clause, bytes of its part's text */
	int		 part;
	int		 aspect;
	int		 score;		/* < 0 */
};

/* Consecutive negative clauses of a part, as written. */
struct rv_span {
	uint32_t	 start, end;
	int		 part;
};

struct rv_result {
	struct rv_part	 part[RV_PARTS];
	int		*aspect;	/* net score per aspect */
	unsigned char	*named;		/* aspect named at all, | RV_NAMED_NEGATIVE */
	size_t		 naspects;
	struct rv_complaint *complaints;
	size_t		 ncomplaints, capcomplaints;
	struct rv_span	*evidence;
	size_t		 nevidence, capevidence;
};

struct rv_scorer;

struct rv_scorer *rv_scorer_new(const struct rv_lexicon *);
void	 rv_scorer_free(struct rv_scorer *);
void	 rv_result_init(struct rv_result *, size_t);
void	 rv_result_reset(struct rv_result *);
void	 rv_result_free(struct rv_result *);
void	 rv_score(struct rv_scorer *, const char *, size_t, int,
	    struct rv_result *);
enum rv_polarity rv_polarity(int, int);
const char *rv_polarity_name(enum rv_polarity);
int	 rv_result_sign(const struct rv_result *, size_t);
int	 rv_result_pos(const struct rv_result *);
int	 rv_result_neg(const struct rv_result *);

#endif
