/*
 * Scoring: tokens and clauses to segments, segments to aspects and sums.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "matcher.h"
#include "score.h"
#include "xmalloc.h"

#define NEG_REACH	4	/* characters between a negator and its word */
#define DEG_REACH	2	/* between a degree word and its word */
#define SEG_ASPECTS	8	/* aspects a segment keeps */
#define CONCESSION	125	/* praise up to this is a concession... */
#define CONCEDED	250	/* ...beside a complaint this many times as strong (%) */
#define DECIDING	300	/* ...and this strong: more than mild gripes */
#define CORE_COMPLAINT	70	/* a plain complaint about the purchase itself */
#define SIDE_SHARE	3	/* side praise beside it counts 1/SIDE_SHARE */
#define TIE_SHARE	10	/* a tie's winner gains 1/TIE_SHARE of the sum */

/* Aspects that are not the thing bought (rv_scorer's side[]): praising
 * them, or blaming the first four, says little of the purchase itself. */
#define SIDE_PRAISE	1
#define SIDE_COMPLAINT	2
static const struct {
	const char	*name;
	unsigned char	 side;
} side_aspects[] = {
	{ "物流", SIDE_PRAISE | SIDE_COMPLAINT },
	{ "包装", SIDE_PRAISE | SIDE_COMPLAINT },
	{ "赠品", SIDE_PRAISE | SIDE_COMPLAINT },
	{ "价格", SIDE_PRAISE | SIDE_COMPLAINT },
	{ "发货", SIDE_PRAISE },	/* 发货快; but 少发, 发错 are the goods */
	{ "客服", SIDE_PRAISE },	/* 态度好; but 不理人 is the sale */
};

/* What a token needs of its term, by the matcher's value: the lexicon's
 * terms in order, then one entry for the clause breaks. */
struct info {
	enum rv_kind	 kind;
	int		 aspect;
	int		 weight;
};

struct rv_scorer {
	const struct rv_lexicon	*lx;
	struct info		*info;
	struct rv_matcher	*m;
	struct rv_scan		 scan;
	struct rv_token		*tok;
	size_t			 tokcap;
	struct rv_clause	*cl;
	size_t			 clcap;
	unsigned char		*side;		/* per aspect: SIDE_* */
};

/* A new scorer for a lexicon, which must outlive it and not change. */
struct rv_scorer *
rv_scorer_new(const struct rv_lexicon *lx)
{
	struct rv_scorer *sc = cs_xcalloc(1, sizeof *sc);

	size_t nterms = rv_lexicon_count(lx);

	if (nterms >= INT_MAX)
		abort();	/* the matcher's values are ints */
	sc->lx = lx;
	sc->info = cs_xreallocarray(NULL, nterms + 1, sizeof *sc->info);
	sc->m = rv_matcher_new();
	for (size_t i = 0; rv_clause_breaks[i] != NULL; i++)
		rv_matcher_add(sc->m, rv_clause_breaks[i],
		    strlen(rv_clause_breaks[i]), (int)nterms);
	sc->info[nterms].kind = RV_PUNCT;
	sc->info[nterms].aspect = -1;
	sc->info[nterms].weight = 100;
	/* Lexicon terms after the breaks: a term spelt like one wins. */
	for (size_t i = 0; i < nterms; i++) {
		const struct rv_term *t = rv_lexicon_term(lx, i);
		rv_matcher_add(sc->m, t->text, t->len, (int)i);
		sc->info[i].kind = t->kind;
		sc->info[i].aspect = t->aspect;
		sc->info[i].weight = t->weight;
	}
	rv_matcher_build(sc->m);
	sc->side = cs_xcalloc(rv_lexicon_naspects(lx) + 1, 1);
	for (size_t i = 0; i < sizeof side_aspects / sizeof side_aspects[0];
	    i++) {
		const char *n = side_aspects[i].name;
		int a = rv_lexicon_find_aspect(lx, n, strlen(n));

		if (a >= 0)
			sc->side[a] = side_aspects[i].side;
	}
	return sc;
}

void
rv_scorer_free(struct rv_scorer *sc)
{
	if (sc == NULL)
		return;
	rv_matcher_free(sc->m);
	free(sc->info);
	rv_scan_free(&sc->scan);
	free(sc->tok);
	free(sc->cl);
	free(sc->side);
	free(sc);
}

void
rv_result_init(struct rv_result *r, size_t naspects)
{
	memset(r, 0, sizeof *r);
	r->naspects = naspects;
	r->aspect = cs_xcalloc(naspects + 1, sizeof *r->aspect);
	r->named = cs_xcalloc(naspects + 1, sizeof *r->named);
}

/* Empty a result for the next review; its memory is kept. */
void
rv_result_reset(struct rv_result *r)
{
	memset(r->part, 0, sizeof r->part);
	memset(r->aspect, 0, r->naspects * sizeof *r->aspect);
	memset(r->named, 0, r->naspects * sizeof *r->named);
	r->ncomplaints = 0;
	r->nevidence = 0;
}

void
rv_result_free(struct rv_result *r)
{
	free(r->aspect);
	free(r->named);
	free(r->complaints);
	free(r->evidence);
	memset(r, 0, sizeof *r);
}

/*
 * The sign of an aspect in a review: -1 when some clause complains about
 * it, whatever the praise elsewhere (质量很好… 追评：用了一周就坏了 is 质量 -:
 * the complaint is what a team acts on), else the sign of its net score.
 */
int
rv_result_sign(const struct rv_result *r, size_t a)
{
	if (r->named[a] & RV_NAMED_NEGATIVE)
		return -1;
	return (r->aspect[a] > 0) - (r->aspect[a] < 0);
}

int
rv_result_pos(const struct rv_result *r)
{
	return r->part[0].pos + r->part[1].pos;
}

int
rv_result_neg(const struct rv_result *r)
{
	return r->part[0].neg + r->part[1].neg;
}

/*
 * A review's polarity from its positive and negative sums: one side only,
 * or one side more than four times the other, decides; both sides of
 * comparable weight make it mixed.
 */
enum rv_polarity
rv_polarity(int pos, int neg)
{
	if (pos == 0 && neg == 0)
		return RV_NEUTRAL;
	if (pos > 4 * neg)
		return RV_POSITIVE_REVIEW;
	if (neg > 4 * pos)
		return RV_NEGATIVE_REVIEW;
	return RV_MIXED;
}

const char *
rv_polarity_name(enum rv_polarity p)
{
	static const char *const names[] = { "neutral", "positive", "negative",
		"mixed" };

	return names[p];
}

/* Characters (UTF-8 lead bytes) in text[a, b). */
static size_t
chars(const char *text, uint32_t a, uint32_t b)
{
	size_t n = 0;

	for (uint32_t i = a; i < b; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

static size_t
one_char(const char *text, const struct rv_token *t)
{
	return chars(text, t->start, t->start + t->len) == 1;
}

/* The state of one clause walk. */
struct walk {
	const char		*text;
	struct rv_result	*res;
	const unsigned char	*side;		/* the scorer's */
	int			 part;
	int			 weight;	/* the clause's */
	uint32_t		 cstart, cend;	/* the clause */

	bool			 neg;		/* a negator is pending */
	uint32_t		 neg_end;
	int			 neg_w;
	int			 deg;		/* 0: none pending */
	uint32_t		 deg_end;
	bool			 excess;

	/* The current segment. */
	int			 score;
	int			 plain;		/* its complaints not softened */
	bool			 opinion;
	int			 asp[SEG_ASPECTS], imp[SEG_ASPECTS];
	size_t			 nasp, nimp;

	/* The clause so far. */
	bool			 clause_opinion, clause_negative;
	int			 named[SEG_ASPECTS];
	size_t			 nnamed;

	/* Aspects of the clause before, named without an opinion. */
	int			 dangling[SEG_ASPECTS];
	size_t			 ndangling;

	/* The part so far: praise and plain complaints about the thing
	 * bought. */
	int			 core_pos, core_neg;
};

/* Whether a segment's opinion is about the thing bought: it names no
 * aspect (the overall opinion) or one that is not on the side for its
 * sign (SIDE_PRAISE or SIDE_COMPLAINT). */
static bool
core(const struct walk *w, const int *to, size_t nto, unsigned char side)
{
	for (size_t i = 0; i < nto; i++)
		if (!(w->side[to[i]] & side))
			return true;
	return nto == 0;
}

static bool
has(const int *v, size_t n, int a)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == a)
			return true;
	return false;
}

static void
add(int *v, size_t *n, int a)
{
	if (*n < SEG_ASPECTS && !has(v, *n, a))
		v[(*n)++] = a;
}

static void
complain(struct rv_result *r, const struct walk *w, int aspect, int score)
{
	if (r->ncomplaints == r->capcomplaints) {
		r->capcomplaints = r->capcomplaints ? r->capcomplaints * 2 : 16;
		r->complaints = cs_xreallocarray(r->complaints,
		    r->capcomplaints, sizeof *r->complaints);
	}
	struct rv_complaint *c = &r->complaints[r->ncomplaints++];
	c->start = w->cstart;
	c->end = w->cend;
	c->part = w->part;
	c->aspect = aspect;
	c->score = score;
}

/* Close the current segment: its score to its aspects and the sums. */
static void
close_segment(struct walk *w)
{
	struct rv_result *r = w->res;
	const int *to = w->asp;
	size_t nto = w->nasp;

	for (size_t i = 0; i < w->nasp; i++) {
		r->named[w->asp[i]] = 1;
		add(w->named, &w->nnamed, w->asp[i]);
	}
	if (w->opinion) {
		if (nto == 0) {
			to = w->imp;
			nto = w->nimp;
		}
		if (nto == 0 && w->nnamed == 0) {
			to = w->dangling;
			nto = w->ndangling;
		}
		for (size_t i = 0; i < nto; i++) {
			r->aspect[to[i]] += w->score;
			r->named[to[i]] = 1;
		}
		if (w->score > 0) {
			r->part[w->part].pos += w->score;
			if (core(w, to, nto, SIDE_PRAISE))
				w->core_pos += w->score;
		} else if (w->score < 0) {
			r->part[w->part].neg -= w->score;
			if (core(w, to, nto, SIDE_COMPLAINT))
				w->core_neg += w->plain < -w->score ? w->plain :
				    -w->score;
			w->clause_negative = true;
			for (size_t i = 0; i < nto; i++)
				r->named[to[i]] |= RV_NAMED_NEGATIVE;
			for (size_t i = 0; i < nto; i++)
				complain(r, w, to[i], w->score);
			if (nto == 0)
				complain(r, w, -1, w->score);
		}
		w->clause_opinion = true;
	}
	w->score = 0;
	w->plain = 0;
	w->opinion = false;
	w->nasp = w->nimp = 0;
}

/* An aspect is named: a second aspect after an opinion starts a segment. */
static void
name_aspect(struct walk *w, int a, bool implied)
{
	if (w->opinion && w->nasp + w->nimp > 0 && !has(w->asp, w->nasp, a) &&
	    !has(w->imp, w->nimp, a))
		close_segment(w);
	if (implied)
		add(w->imp, &w->nimp, a);
	else
		add(w->asp, &w->nasp, a);
}

/* An opinion of value c (hundredths, signed) at token t. */
static void
opinion(struct walk *w, const struct rv_token *t, int c)
{
	bool soft = false;

	if (w->deg != 0 && chars(w->text, w->deg_end, t->start) <= DEG_REACH) {
		c = c * w->deg / 100;
		soft = w->deg < 100;	/* 有点, 略: a mild gripe */
	}
	if (w->neg && chars(w->text, w->neg_end, t->start) <= NEG_REACH)
		c = -c * w->neg_w / 100;
	w->neg = false;
	w->deg = 0;
	w->excess = false;
	if (t->aspect >= 0)
		name_aspect(w, t->aspect, true);
	w->score += c * w->weight / 100;
	if (c < 0 && !soft)
		w->plain -= c * w->weight / 100;
	w->opinion = true;
}

static void
degree(struct walk *w, const struct rv_token *t, int weight, bool excess)
{
	if (w->deg != 0 && chars(w->text, w->deg_end, t->start) <= 1) {
		w->deg = w->deg * weight / 100;
		if (w->deg > 400)
			w->deg = 400;
		w->excess |= excess;
	} else {
		w->deg = weight;
		w->excess = excess;
	}
	w->deg_end = t->start + t->len;
}

static void
walk_clause(struct walk *w, const struct rv_token *tok, size_t ntok)
{
	for (size_t j = 0; j < ntok; j++) {
		const struct rv_token *t = &tok[j];
		uint32_t end = t->start + t->len;

		switch (t->kind) {
		case RV_NEGATOR:
			if (w->neg && chars(w->text, w->neg_end, t->start) <= 1)
				w->neg = false;		/* 不是不好 */
			else {
				w->neg = true;
				w->neg_w = t->weight;
			}
			w->neg_end = end;
			break;
		case RV_DEGREE:
		case RV_EXCESS:
			degree(w, t, t->weight, t->kind == RV_EXCESS);
			break;
		case RV_ASPECT:
			name_aspect(w, t->aspect, false);
			break;
		case RV_POSITIVE:
			if (j + 1 < ntok && tok[j + 1].start == end &&
			    (tok[j + 1].kind == RV_POSITIVE ||
			    tok[j + 1].kind == RV_NEGATIVE ||
			    tok[j + 1].kind == RV_ATTR) && one_char(w->text, t)) {
				degree(w, t, 150, false);	/* 好慢 */
				break;
			}
			opinion(w, t, t->weight);
			break;
		case RV_NEGATIVE:
			opinion(w, t, -t->weight);
			break;
		case RV_ATTR:
			if (w->deg != 0 && w->excess &&
			    chars(w->text, w->deg_end, t->start) <= 1)
				opinion(w, t, -t->weight);
			break;
		case RV_CONTRAST:
		case RV_BOILERPLATE:
		case RV_STOP:
		case RV_PUNCT:
		case RV_NKINDS:
			break;
		}
	}
	close_segment(w);
}

static void
add_evidence(struct rv_result *r, int part, uint32_t start, uint32_t end,
    bool extend)
{
	if (extend && r->nevidence > 0) {
		r->evidence[r->nevidence - 1].end = end;
		return;
	}
	if (r->nevidence == r->capevidence) {
		r->capevidence = r->capevidence ? r->capevidence * 2 : 8;
		r->evidence = cs_xreallocarray(r->evidence, r->capevidence,
		    sizeof *r->evidence);
	}
	r->evidence[r->nevidence].start = start;
	r->evidence[r->nevidence].end = end;
	r->evidence[r->nevidence].part = part;
	r->nevidence++;
}

/*
 * The balance of a part, once its clauses are read, weighed as a buyer
 * means it:
 *
 *   - a mild praise (at most one plain word, 还行, 挺快) beside complaints
 *     in two clauses or more, 2.5 times as strong and at least 3 (more
 *     than two mild gripes), before or after it, is a concession and does
 *     not count: "送得挺快，就是太难吃了，不会再点了" is a complaint, not a
 *     mix; one complaint after a mild praise ("好吃，但是太辣了") or mild
 *     gripes ("还行，就是有点大，有点薄") are the usual mix of a five-star
 *     review;
 *   - a complaint after a contrast word (但是, 就是, 可惜…) or in the last
 *     clause that holds an opinion is never drowned by praise: it weighs at
 *     least a quarter of it, so that "很好很好，非常满意，就是有点小" and
 *     "很好很好，非常满意，有点小" are mixed, not positive. Buyers keep the
 *     gripe for the end; a complaint in the middle ("以前买的那家很差，这家
 *     很好，非常满意") still has to weigh on its own;
 *   - when all the praise is about what comes with the purchase (delivery,
 *     packaging, gifts, price, dispatch, service) and a plain complaint
 *     (not softened by 有点, 略; weighing 0.7 as 一般 or more) is about the
 *     purchase itself or the whole, that
 *     praise counts a third, at most half the complaint (the complaint
 *     decides), yet at least a quarter of a complaint weaker than 3 (both
 *     sides stay real): "送得很快，包装也好，但是太难吃了" is negative,
 *     "难吃，送得倒是挺快，包装也很好" and "送得很快，就是味道一般" mixed,
 *     leaning to the complaint (score < 0); a mild gripe ("物流很快，就是
 *     有点小") does not tip it;
 *   - praise and complaints that weigh the same (the score would round to
 *     0) are a tie a reader of the score cannot use: the clause with an
 *     opinion said last wins, by a tenth of both ("羽绒服不够厚，其他都好"
 *     leans to the praise, "地址写清楚了，还是送不到" to the complaint).
 */
static void
verdict(struct rv_part *p, int complaints, bool kept, bool last_negative,
    int core_pos, int core_neg)
{
	if (complaints >= 2 && p->pos > 0 && p->pos <= CONCESSION &&
	    p->neg >= DECIDING && (long)p->neg * 100 >= (long)p->pos * CONCEDED)
		p->pos = 0;
	if (p->pos > 0 && core_pos == 0 && core_neg >= CORE_COMPLAINT) {
		int share = (p->pos + SIDE_SHARE - 1) / SIDE_SHARE;

		if (share > p->neg / 2)
			share = p->neg / 2;	/* the complaint decides */
		/* Short of a strong complaint, both sides stay real. */
		if (p->neg < DECIDING && share < (p->neg + 3) / 4)
			share = (p->neg + 3) / 4;
		if (share < p->pos)
			p->pos = share;
	}
	if (kept && 4 * p->neg < p->pos)
		p->neg = (p->pos + 3) / 4;
	if (p->pos > 0 && p->neg > 0 &&
	    (long)abs(p->pos - p->neg) * 200 < (long)p->pos + p->neg + 100) {
		if (last_negative)
			p->neg += (p->pos + p->neg) / TIE_SHARE;
		else
			p->pos += (p->pos + p->neg) / TIE_SHARE;
	}
}

/*
 * Score one part (0 the review, 1 its follow-up) of a review into r,
 * which rv_result_reset emptied before the first part.
 */
void
rv_score(struct rv_scorer *sc, const char *text, size_t len, int part,
    struct rv_result *r)
{
	size_t nhits = rv_matcher_scan(sc->m, text, len, &sc->scan);
	size_t ntok = 0, covered = 0, ncl;

	if (nhits + 1 > sc->tokcap) {
		sc->tokcap = (nhits + 1) * 2;
		sc->tok = cs_xreallocarray(sc->tok, sc->tokcap, sizeof *sc->tok);
		sc->cl = cs_xreallocarray(sc->cl, sc->tokcap, sizeof *sc->cl);
	}
	for (size_t i = 0; i < nhits; i++) {
		const struct rv_hit *h = &sc->scan.hits[i];
		struct rv_token *t = &sc->tok[ntok];

		const struct info *in = &sc->info[h->value];

		t->start = h->start;
		t->len = h->len;
		t->kind = in->kind;
		t->aspect = in->aspect;
		t->weight = in->weight;
		if (t->kind == RV_PUNCT || t->kind == RV_BOILERPLATE)
			covered += h->len;
		/* Boilerplate and stop words only hide what is inside them. */
		if (t->kind != RV_BOILERPLATE && t->kind != RV_STOP)
			ntok++;
	}
	r->part[part].text = covered < len;
	if (covered == len)
		return;

	ncl = rv_clause_split(sc->tok, ntok, len, sc->cl);
	/* A copy of a zero walk: GCC turns the memset into rep stosq, whose
	 * start-up was 1.4 % of the run. */
	static const struct walk fresh;
	struct walk w = fresh;
	w.text = text;
	w.res = r;
	w.side = sc->side;
	w.part = part;
	size_t last_negative = (size_t)-1;
	bool contrast_complaint = false, last_negative_opinion = false;
	int complaints = 0;
	for (size_t i = 0; i < ncl; i++) {
		const struct rv_clause *c = &sc->cl[i];

		w.weight = c->weight;
		w.cstart = c->start;
		w.cend = c->end;
		w.neg = false;
		w.deg = 0;
		w.excess = false;
		w.clause_opinion = w.clause_negative = false;
		w.nnamed = 0;
		walk_clause(&w, sc->tok + c->first, c->ntok);
		if (w.clause_negative) {
			add_evidence(r, part, c->start, c->end,
			    last_negative != (size_t)-1 && last_negative + 1 == i);
			last_negative = i;
			if (c->weight > 100)
				contrast_complaint = true;
			complaints++;
		}
		/* Aspects named without an opinion wait for the next clause. */
		if (w.clause_opinion)
			last_negative_opinion = w.clause_negative;
		if (!w.clause_opinion && w.nnamed > 0) {
			memcpy(w.dangling, w.named, w.nnamed * sizeof *w.named);
			w.ndangling = w.nnamed;
		} else
			w.ndangling = 0;
	}
	verdict(&r->part[part], complaints,
	    contrast_complaint || last_negative_opinion, last_negative_opinion,
	    w.core_pos, w.core_neg);
}
