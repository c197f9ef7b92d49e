/*
 * The lexicon: terms, their kinds and weights, and the aspect names.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "lexicon.h"
#include "map.h"
#include "value.h"
#include "xmalloc.h"

#include "builtin.h"

static const char *const builtin_aspects[] = {
#define ASPECT(name, note)	name,
#include "aspects.def"
#undef ASPECT
};

#define NBUILTIN_ASPECTS (sizeof builtin_aspects / sizeof builtin_aspects[0])

/* The polarity column: every spelling, its kind and the default weight. */
static const struct {
	const char	*word;
	enum rv_kind	 kind;
	int		 weight;
} polarities[] = {
	{ "0", RV_ASPECT, 100 }, { "+", RV_POSITIVE, 100 },
	{ "-", RV_NEGATIVE, 100 }, { "~", RV_ATTR, 100 },
	{ "not", RV_NEGATOR, 100 }, { "degree", RV_DEGREE, 150 },
	{ "too", RV_EXCESS, 100 }, { "but", RV_CONTRAST, 200 },
	{ "boilerplate", RV_BOILERPLATE, 100 }, { "stop", RV_STOP, 100 },
	/* Other spellings, read but never written. */
	{ "", RV_ASPECT, 100 }, { "neutral", RV_ASPECT, 100 },
	{ "positive", RV_POSITIVE, 100 }, { "negative", RV_NEGATIVE, 100 },
	{ "中性", RV_ASPECT, 100 }, { "正", RV_POSITIVE, 100 },
	{ "正面", RV_POSITIVE, 100 }, { "负", RV_NEGATIVE, 100 },
	{ "负面", RV_NEGATIVE, 100 },
};

struct rv_lexicon {
	struct rv_term	*terms;
	size_t		 n, cap;
	const char	**aspects;
	size_t		 naspects, aspcap;
	struct cs_map	 index;		/* term -> index + 1 */
	struct cs_arena	 arena;
};

/* The name of a kind as the polarity column writes it. */
const char *
rv_kind_name(enum rv_kind k)
{
	for (size_t i = 0; i < sizeof polarities / sizeof polarities[0]; i++)
		if (polarities[i].kind == k)
			return polarities[i].word;
	return "?";
}

/* A weight in hundredths as the weight column writes it: 1, 1.5, 0.25. */
char *
rv_weight_format(char *buf, int w)
{
	if (w % 100 == 0)
		snprintf(buf, 16, "%d", w / 100);
	else if (w % 10 == 0)
		snprintf(buf, 16, "%d.%d", w / 100, w % 100 / 10);
	else
		snprintf(buf, 16, "%d.%02d", w / 100, w % 100);
	return buf;
}

/* Parse a weight (0 to 10, at most two decimals) into hundredths. */
static int
parse_weight(const char *s, size_t n, int *w)
{
	int v = 0, places = -1;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && places < 0 && i > 0) {
			places = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || places == 2 || v > RV_WEIGHT_MAX)
			return -1;
		v = v * 10 + (s[i] - '0');
		if (places >= 0)
			places++;
	}
	if (places == 0)
		return -1;		/* "1." */
	for (int p = places < 0 ? 0 : places; p < 2; p++)
		v *= 10;
	if (v > RV_WEIGHT_MAX)
		return -1;
	*w = v;
	return 0;
}

/* The index of an aspect name, or -1. */
int
rv_lexicon_find_aspect(const struct rv_lexicon *lx, const char *s, size_t n)
{
	for (size_t i = 0; i < lx->naspects; i++)
		if (strlen(lx->aspects[i]) == n && memcmp(lx->aspects[i], s, n) == 0)
			return (int)i;
	return -1;
}

static int
intern_aspect(struct rv_lexicon *lx, const char *s, size_t n)
{
	int a = rv_lexicon_find_aspect(lx, s, n);

	if (a >= 0)
		return a;
	if (lx->naspects == lx->aspcap) {
		lx->aspcap = lx->aspcap ? lx->aspcap * 2 : 32;
		lx->aspects = cs_xreallocarray(lx->aspects, lx->aspcap,
		    sizeof *lx->aspects);
	}
	lx->aspects[lx->naspects] = cs_arena_strndup(&lx->arena, s, n);
	return (int)lx->naspects++;
}

/*
 * Add one term, as a lexicon file row gives it (each value with its
 * length). Returns 0, or the RV_LEX_* code of the first bad value; the
 * lexicon is unchanged then.
 */
int
rv_lexicon_add(struct rv_lexicon *lx, const char *term, size_t tn,
    const char *aspect, size_t an, const char *pol, size_t pn,
    const char *weight, size_t wn, const char **bad)
{
	char low[RV_TERM_MAX];
	size_t k;
	int w, a = -1;

	cs_trim(&term, &tn);
	cs_trim(&aspect, &an);
	cs_trim(&pol, &pn);
	cs_trim(&weight, &wn);
	if (tn == 0 || tn > RV_TERM_MAX || memchr(term, '\0', tn) != NULL) {
		*bad = "term";
		return -1;
	}
	for (k = 0; k < sizeof polarities / sizeof polarities[0]; k++) {
		const char *p = polarities[k].word;
		if (strlen(p) == pn && strncasecmp(p, pol, pn) == 0)
			break;
	}
	if (k == sizeof polarities / sizeof polarities[0]) {
		*bad = "polarity";
		return -1;
	}
	if (memchr(aspect, ':', an) != NULL || memchr(aspect, ';', an) != NULL ||
	    memchr(aspect, ',', an) != NULL || memchr(aspect, '\0', an) != NULL ||
	    (an == 0 && polarities[k].kind == RV_ASPECT)) {
		*bad = "aspect";
		return -1;
	}
	w = polarities[k].weight;
	if (wn > 0 && parse_weight(weight, wn, &w) != 0) {
		*bad = "weight";
		return -1;
	}
	if (an > 0)
		a = intern_aspect(lx, aspect, an);
	for (size_t i = 0; i < tn; i++)
		low[i] = term[i] >= 'A' && term[i] <= 'Z' ?
		    (char)(term[i] - 'A' + 'a') : term[i];

	bool created;
	struct cs_map_entry *e = cs_map_insert(&lx->index, low, tn, &created);
	size_t i;
	if (created) {
		if (lx->n == lx->cap) {
			lx->cap = lx->cap ? lx->cap * 2 : 1024;
			lx->terms = cs_xreallocarray(lx->terms, lx->cap,
			    sizeof *lx->terms);
		}
		i = lx->n++;
		e->value = (void *)(uintptr_t)(i + 1);
		lx->terms[i].text = e->key;
		lx->terms[i].len = tn;
	} else
		i = (size_t)(uintptr_t)e->value - 1;
	lx->terms[i].kind = polarities[k].kind;
	lx->terms[i].aspect = a;
	lx->terms[i].weight = w;
	return 0;
}

/* A new lexicon: the built-in one, or (false) only the built-in aspects. */
struct rv_lexicon *
rv_lexicon_new(bool builtin)
{
	struct rv_lexicon *lx = cs_xcalloc(1, sizeof *lx);

	cs_map_init(&lx->index);
	cs_arena_init(&lx->arena);
	for (size_t i = 0; i < NBUILTIN_ASPECTS; i++)
		intern_aspect(lx, builtin_aspects[i], strlen(builtin_aspects[i]));
	if (!builtin)
		return lx;
	for (size_t i = 0; i < rv_nbuiltin; i++) {
		const struct rv_builtin *b = &rv_builtin[i];
		const char *p = b->terms;
		while (*p != '\0') {
			const char *bad;
			size_t n = strcspn(p, " ");
			if (n > 0 && rv_lexicon_add(lx, p, n, b->aspect,
			    strlen(b->aspect), b->polarity, strlen(b->polarity),
			    b->weight, strlen(b->weight), &bad) != 0)
				abort();	/* a typo in builtin.c */
			p += n;
			p += strspn(p, " ");
		}
	}
	return lx;
}

size_t
rv_lexicon_count(const struct rv_lexicon *lx)
{
	return lx->n;
}

const struct rv_term *
rv_lexicon_term(const struct rv_lexicon *lx, size_t i)
{
	return &lx->terms[i];
}

/* The index of a term (lower-case), or -1. */
int
rv_lexicon_find(const struct rv_lexicon *lx, const char *s, size_t n)
{
	struct cs_map_entry *e = cs_map_find(&lx->index, s, n);

	return e != NULL ? (int)((uintptr_t)e->value - 1) : -1;
}

size_t
rv_lexicon_naspects(const struct rv_lexicon *lx)
{
	return lx->naspects;
}

const char *
rv_lexicon_aspect(const struct rv_lexicon *lx, size_t i)
{
	return lx->aspects[i];
}

/* How many aspects are built in (the first ones of every lexicon). */
size_t
rv_lexicon_nbuiltin_aspects(void)
{
	return NBUILTIN_ASPECTS;
}

void
rv_lexicon_free(struct rv_lexicon *lx)
{
	if (lx == NULL)
		return;
	free(lx->terms);
	free(lx->aspects);
	cs_map_free(&lx->index);
	cs_arena_free(&lx->arena);
	free(lx);
}
