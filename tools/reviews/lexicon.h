/*
 * The lexicon of cs-reviews: the words buyers write, what aspect of a
 * purchase each one names and which way it leans.
 *
 * A lexicon is a list of terms, each one row of the lexicon file format
 * (term, aspect, polarity, weight):
 *
 *   polarity  kind           meaning
 *   0         RV_ASPECT      names the aspect, no opinion: 快递, 做工
 *   +  -      RV_POSITIVE..  an opinion: 不错, 太慢; with an aspect it also
 *                            names it when the clause names none: 偏小 → 尺码
 *   ~         RV_ATTR        neutral, but a complaint after an excess degree:
 *                            大 in 有点大, 薄 in 太薄了
 *   not       RV_NEGATOR     flips the next opinion: 不, 没有, 无
 *   degree    RV_DEGREE      multiplies the next opinion by weight: 很 1.5
 *   too       RV_EXCESS      a degree that also turns an attribute into a
 *                            complaint: 太, 有点, 偏, 略
 *   but       RV_CONTRAST    starts a clause and weighs it by weight: 但是 2,
 *                            虽然 0.5
 *   boilerplate RV_BOILERPLATE  a text made only of these is no text:
 *                            此用户没有填写评价
 *   stop      RV_STOP        matches and means nothing, so that the words
 *                            inside it do not match: 不好意思, 不得不说
 *
 * Weights are kept in hundredths (1.5 is 150) so that scores add up the
 * same on every machine. The built-in lexicon is loaded by rv_lexicon_new
 * through the same rv_lexicon_add that reads a shop's file; adding a term
 * that is already there replaces it in place. ASCII letters are folded to
 * lower case. Aspect names are interned: the built-in ones first, in
 * aspects.def order, then new names in the order they first appear.
 *
 * Memory: the lexicon owns its strings (an arena); term and aspect
 * pointers live until rv_lexicon_free.
 */
#ifndef RV_LEXICON_H
#define RV_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#define RV_TERM_MAX	64	/* bytes in a term */
#define RV_WEIGHT_MAX	1000	/* hundredths: 10.00 */

enum rv_kind {
	RV_ASPECT,
	RV_POSITIVE,
	RV_NEGATIVE,
	RV_ATTR,
	RV_NEGATOR,
	RV_DEGREE,
	RV_EXCESS,
	RV_CONTRAST,
	RV_BOILERPLATE,
	RV_STOP,
	RV_PUNCT,	/* a clause break: the splitter's, never in a lexicon */
	RV_NKINDS
};

struct rv_term {
	const char	*text;		/* lower-cased, NUL-terminated */
	size_t		 len;
	enum rv_kind	 kind;
	int		 aspect;	/* index, or -1 */
	int		 weight;	/* hundredths */
};

struct rv_lexicon;

struct rv_lexicon *rv_lexicon_new(bool);
int	 rv_lexicon_add(struct rv_lexicon *, const char *, size_t,
	    const char *, size_t, const char *, size_t, const char *, size_t,
	    const char **);
size_t	 rv_lexicon_count(const struct rv_lexicon *);
const struct rv_term *rv_lexicon_term(const struct rv_lexicon *, size_t);
int	 rv_lexicon_find(const struct rv_lexicon *, const char *, size_t);
size_t	 rv_lexicon_naspects(const struct rv_lexicon *);
const char *rv_lexicon_aspect(const struct rv_lexicon *, size_t);
int	 rv_lexicon_find_aspect(const struct rv_lexicon *, const char *,
	    size_t);
size_t	 rv_lexicon_nbuiltin_aspects(void);
const char *rv_kind_name(enum rv_kind);
char	*rv_weight_format(char *, int);
void	 rv_lexicon_free(struct rv_lexicon *);

#endif
