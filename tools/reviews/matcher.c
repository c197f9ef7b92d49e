/*
 * Aho-Corasick as a full table of byte-class transitions.
 *
 * A scan is a chain of dependent loads, one a byte, so the table is laid
 * out for that chain: its entries are row offsets (state * ncls), not
 * state numbers, so a step is one add and one load, no multiply; the
 * states where no key ends come first and the others after them, so
 * "does a key end here?" is one compare with the offset just loaded, no
 * second load; and each group is numbered breadth first, so the shallow
 * states a text visits most sit together in cache.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "matcher.h"
#include "xmalloc.h"

#define STEPS_BITS	14	/* the step cache: 16384 entries, 128 KB */

/*
 * A step over a whole 3-byte character: from row, on the character c (its
 * 16 payload bits), to. It sits in slot (row ^ c) mod 2^STEPS_BITS, so the
 * slot and row give c's low bits: tag is row << 2 | c >> 14 (rows are below
 * 2^30), and an empty slot's tag, all ones, matches no row.
 */
struct rv_step {
	uint32_t	 tag;
	uint32_t	 to;
};
static uint64_t	 serial;	/* matchers built, to tell them apart */

struct key {
	size_t	 off;		/* in bytes */
	size_t	 len;
	int	 value;
};

struct rv_matcher {
	/* Keys, until rv_matcher_build. */
	char		*bytes;
	size_t		 nbytes, bytescap;
	struct key	*keys;
	size_t		 nkeys, keyscap;

	/* The automaton. */
	uint16_t	 cls[256];	/* byte -> class; 0: in no key */
	size_t		 ncls;
	uint32_t	*delta;		/* [row + class] -> row of the next state */
	uint32_t	 outrow;	/* first row where a key ends */
	uint64_t	 recip;		/* row * recip >> 32 is row / ncls */
	uint32_t	 nquiet;	/* states where no key ends */
	struct rv_out	*outs;		/* [state - nquiet]: the keys ending there */
	struct rv_end	*ends;		/* the shorter ones, lists ended by 0 */
	size_t		 nstates;
	uint64_t	 id;		/* serial number of the build */
	int		 built;
};

/* A key ending at a state: its length and value; len 0 ends a list. */
struct rv_end {
	uint32_t	 len;
	int		 value;
};

/* The keys ending at a state: the longest, and where the others are in
 * ends[] (0: none; ends[0] is an empty list). */
struct rv_out {
	uint32_t	 len;
	int		 value;
	uint32_t	 more;
};

/*
 * The trie's edges while building: (state, class) -> state, in an open
 * addressing hash table (a full table over all key bytes would be tens of
 * megabytes to fill and throw away).
 */
struct edges {
	uint64_t	*key;		/* state << 16 | class, plus 1; 0: empty */
	uint32_t	*val;
	size_t		 mask;
	size_t		 n;
};

static void
edges_init(struct edges *g, size_t max)
{
	size_t cap = 64;

	while (cap < 2 * max)
		cap *= 2;
	g->key = cs_xcalloc(cap, sizeof *g->key);
	g->val = cs_xmalloc(cap * sizeof *g->val);
	g->mask = cap - 1;
	g->n = 0;
}

static size_t
edges_slot(const struct edges *g, uint64_t k)
{
	size_t h = (size_t)((k * 0x9e3779b97f4a7c15u) >> 20) & g->mask;

	while (g->key[h] != 0 && g->key[h] != k)
		h = (h + 1) & g->mask;
	return h;
}

static uint32_t
edges_get(const struct edges *g, uint32_t s, uint32_t c)
{
	size_t h = edges_slot(g, ((uint64_t)s << 16 | c) + 1);

	return g->key[h] != 0 ? g->val[h] : 0;
}

static void
edges_put(struct edges *g, uint32_t s, uint32_t c, uint32_t t)
{
	uint64_t k = ((uint64_t)s << 16 | c) + 1;
	size_t h = edges_slot(g, k);

	g->key[h] = k;
	g->val[h] = t;
	g->n++;
}

/* The children of each state s, in class order: kid[first[s]..first[s+1]),
 * with their classes in kidcls. */
static void
edges_children(const struct edges *g, uint32_t *first, uint32_t *kid,
    uint16_t *kidcls, size_t nstates)
{
	uint32_t *bycls = cs_xmalloc((g->n > 0 ? g->n : 1) * sizeof *bycls);
	size_t count[258] = { 0 };

	/* Sort the slots by class, then (stable) by parent. */
	for (size_t h = 0; h <= g->mask; h++)
		if (g->key[h] != 0)
			count[((g->key[h] - 1) & 0xffff) + 1]++;
	for (size_t c = 1; c < 258; c++)
		count[c] += count[c - 1];
	for (size_t h = 0; h <= g->mask; h++)
		if (g->key[h] != 0)
			bycls[count[(g->key[h] - 1) & 0xffff]++] = (uint32_t)h;
	for (size_t h = 0; h <= g->mask; h++)
		if (g->key[h] != 0)
			first[((g->key[h] - 1) >> 16) + 1]++;
	for (size_t s = 0; s < nstates; s++)
		first[s + 1] += first[s];
	uint32_t *at = cs_xmalloc((nstates > 0 ? nstates : 1) * sizeof *at);
	memcpy(at, first, nstates * sizeof *at);
	for (size_t i = 0; i < g->n; i++) {
		uint32_t h = bycls[i];
		uint64_t k = g->key[h] - 1;
		uint32_t j = at[k >> 16]++;
		kid[j] = g->val[h];
		kidcls[j] = (uint16_t)(k & 0xffff);
	}
	free(at);
	free(bycls);
}

static void
edges_free(struct edges *g)
{
	free(g->key);
	free(g->val);
}

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

struct rv_matcher *
rv_matcher_new(void)
{
	return cs_xcalloc(1, sizeof(struct rv_matcher));
}

/* Add a key (copied); an empty key is ignored. Before rv_matcher_build. */
void
rv_matcher_add(struct rv_matcher *m, const char *s, size_t n, int value)
{
	if (n == 0)
		return;
	if (value < 0)
		abort();	/* -1 marks "no key" in the automaton */
	if (m->nbytes + n > m->bytescap) {
		m->bytescap = (m->nbytes + n) * 2 + 4096;
		m->bytes = cs_xrealloc(m->bytes, m->bytescap);
	}
	for (size_t i = 0; i < n; i++)
		m->bytes[m->nbytes + i] = (char)fold((unsigned char)s[i]);
	if (m->nkeys == m->keyscap) {
		m->keyscap = m->keyscap ? m->keyscap * 2 : 1024;
		m->keys = cs_xreallocarray(m->keys, m->keyscap, sizeof *m->keys);
	}
	m->keys[m->nkeys].off = m->nbytes;
	m->keys[m->nkeys].len = n;
	m->keys[m->nkeys].value = value;
	m->nkeys++;
	m->nbytes += n;
}

/* Build the automaton from the keys added; a key added twice keeps the
 * last value. */
void
rv_matcher_build(struct rv_matcher *m)
{
	const unsigned char *b = (const unsigned char *)m->bytes;
	size_t max = m->nbytes + 1, ncls;

	memset(m->cls, 0, sizeof m->cls);
	for (size_t i = 0; i < m->nbytes; i++)
		m->cls[b[i]] = 1;
	ncls = 1;
	for (int c = 0; c < 256; c++)
		if (m->cls[c])
			m->cls[c] = (uint16_t)ncls++;
	for (int c = 'A'; c <= 'Z'; c++)
		m->cls[c] = m->cls[c - 'A' + 'a'];
	m->ncls = ncls;

	/* The trie, its edges in a hash table. An edge never leads back to
	 * the root, so 0 is "none". */
	struct edges g;
	edges_init(&g, max);
	int *term = cs_xmalloc(max * sizeof *term);
	term[0] = -1;
	size_t nstates = 1;
	for (size_t k = 0; k < m->nkeys; k++) {
		uint32_t s = 0;
		for (size_t i = 0; i < m->keys[k].len; i++) {
			uint32_t c = m->cls[b[m->keys[k].off + i]];
			uint32_t t = edges_get(&g, s, c);
			if (t == 0) {
				t = (uint32_t)nstates++;
				term[t] = -1;
				edges_put(&g, s, c, t);
			}
			s = t;
		}
		term[s] = m->keys[k].value;
	}

	/* Each state's children in class order, for a breadth-first walk. */
	uint32_t *first = cs_xcalloc(nstates + 1, sizeof *first);
	uint32_t *kid = cs_xmalloc(nstates * sizeof *kid);
	uint16_t *kidcls = cs_xmalloc(nstates * sizeof *kidcls);
	edges_children(&g, first, kid, kidcls, nstates);

	/* Breadth first: depths, failure links (the classic way, along the
	 * trie) and the nearest terminal proper suffix (dict). */
	uint32_t *queue = cs_xmalloc(nstates * sizeof *queue);
	uint32_t *fail = cs_xcalloc(nstates, sizeof *fail);
	uint32_t *dict = cs_xcalloc(nstates, sizeof *dict);
	uint32_t *depth = cs_xcalloc(nstates, sizeof *depth);
	size_t head = 0, tail = 0;
	queue[tail++] = 0;
	while (head < tail) {
		uint32_t s = queue[head++];
		for (uint32_t j = first[s]; j < first[s + 1]; j++) {
			uint32_t t = kid[j], c = kidcls[j], f = 0;
			if (s != 0) {
				for (f = fail[s];; f = fail[f]) {
					uint32_t x = edges_get(&g, f, c);
					if (x != 0) {
						f = x;
						break;
					}
					if (f == 0)
						break;
				}
			}
			fail[t] = f;
			dict[t] = term[f] >= 0 ? f : dict[f];
			depth[t] = depth[s] + 1;
			queue[tail++] = t;
		}
	}

	/* Number the states: first those where no key ends, then the
	 * others, each group breadth first; the root stays 0. */
	uint32_t *newid = cs_xmalloc(nstates * sizeof *newid);
	size_t nid = 0, nquiet = 0;
	for (int out = 0; out < 2; out++) {
		for (size_t q = 0; q < tail; q++) {
			uint32_t s = queue[q];
			if ((term[s] >= 0 || dict[s] != 0) == out)
				newid[s] = (uint32_t)nid++;
		}
		if (out == 0)
			nquiet = nid;
	}
	/* Row offsets are 30 bits for the step cache: 2^30 entries would
	 * be 4 GB of table, a lexicon of a million terms or more. */
	if (nstates * ncls >= (size_t)1 << 30)
		cs_die(_("the lexicon is too large: %zu states of %zu byte classes (at most 2^30 in all)"),
		    nstates, ncls);

	/* The table, in one pass breadth first: a state's row is its failure
	 * state's row (complete already: it is shallower) with its own edges
	 * over it. */
	uint32_t *delta = cs_xmalloc(nstates * ncls * sizeof *delta);
	for (size_t q = 0; q < tail; q++) {
		uint32_t s = queue[q];
		uint32_t *row = delta + (size_t)newid[s] * ncls;
		if (s == 0)
			memset(row, 0, ncls * sizeof *row);
		else
			memcpy(row, delta + (size_t)newid[fail[s]] * ncls,
			    ncls * sizeof *row);
		for (uint32_t j = first[s]; j < first[s + 1]; j++)
			row[kidcls[j]] = (uint32_t)(newid[kid[j]] * ncls);
	}

	/* The keys ending at each state where some end, longest first. */
	size_t nout = nstates - nquiet, nends = 1;
	struct rv_out *outs = cs_xmalloc((nout + 1) * sizeof *outs);
	outs[0].len = 0;
	outs[0].value = -1;
	outs[0].more = 0;
	for (size_t s = 0; s < nstates; s++)
		if (newid[s] >= nquiet)
			for (uint32_t t = dict[term[s] >= 0 ? s : dict[s]];
			    t != 0; t = dict[t])
				nends++;
	struct rv_end *ends = cs_xmalloc((nends + nout) * sizeof *ends);
	ends[0].len = 0;
	ends[0].value = -1;
	nends = 1;
	for (size_t s = 0; s < nstates; s++) {
		if (newid[s] < nquiet)
			continue;
		struct rv_out *o = &outs[newid[s] - nquiet + 1];
		uint32_t t = term[s] >= 0 ? (uint32_t)s : dict[s];
		o->len = depth[t];
		o->value = term[t];
		o->more = 0;
		if (dict[t] == 0)
			continue;
		o->more = (uint32_t)nends;
		for (t = dict[t]; t != 0; t = dict[t]) {
			ends[nends].len = depth[t];
			ends[nends].value = term[t];
			nends++;
		}
		ends[nends].len = 0;
		ends[nends].value = -1;
		nends++;
	}

	m->delta = delta;
	m->outrow = (uint32_t)(nquiet * ncls);
	m->recip = (((uint64_t)1 << 32) + ncls - 1) / ncls;
	m->nquiet = (uint32_t)nquiet;
	m->outs = outs;
	m->ends = ends;
	m->nstates = nstates;
	edges_free(&g);
	free(term);
	free(first);
	free(kid);
	free(kidcls);
	free(queue);
	free(fail);
	free(dict);
	free(depth);
	free(newid);
	free(m->bytes);
	free(m->keys);
	m->bytes = NULL;
	m->keys = NULL;
	m->id = ++serial;
	m->built = 1;
}

/* The number of states, for reports. */
size_t
rv_matcher_states(const struct rv_matcher *m)
{
	return m->nstates;
}

/*
 * Scan text once and leave its leftmost-longest segmentation in sc->hits.
 * Returns the number of hits.
 */
size_t
rv_matcher_scan(const struct rv_matcher *m, const char *text, size_t n,
    struct rv_scan *sc)
{
	const unsigned char *p = (const unsigned char *)text;
	const uint32_t *delta = m->delta;
	uint32_t row = 0;

	sc->n = 0;
	if (n == 0)
		return 0;
	if (n + 1 > sc->bestcap) {
		sc->bestcap = n * 2 + 1;
		sc->best = cs_xreallocarray(sc->best, sc->bestcap, sizeof *sc->best);
	}
	memset(sc->best, 0, n * sizeof *sc->best);
	if (sc->owner != m->id) {
		if (sc->steps == NULL)
			sc->steps = cs_xmalloc(sizeof *sc->steps << STEPS_BITS);
		memset(sc->steps, 0xff, sizeof *sc->steps << STEPS_BITS);
		sc->owner = m->id;
	}
	/* Few registers are left for the loop: the class table and the
	 * step cache are reached through m and sc. */
	struct rv_best *best = sc->best;
	for (size_t i = 0; i < n; i++) {
		uint32_t b = p[i];

		if (b - 0xe0u < 0x10u && i + 2 < n &&
		    ((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) < 0x40u) {
			uint32_t ch = (b & 0x0fu) << 12 |
			    (p[i + 1] & 0x3fu) << 6 | (p[i + 2] & 0x3fu);
			struct rv_step *e = &sc->steps[(row ^ ch) &
			    ((1u << STEPS_BITS) - 1)];
			uint32_t tag = row << 2 | ch >> 14;

			if (e->tag == tag) {
				row = e->to;
				i += 2;
			} else {
				uint32_t r1 = delta[row + m->cls[b]];
				uint32_t r2 = delta[r1 + m->cls[p[i + 1]]];

				if (r1 < m->outrow && r2 < m->outrow) {
					/* No key ends inside: keep it. */
					e->tag = tag;
					row = e->to = delta[r2 + m->cls[p[i + 2]]];
					i += 2;
				} else
					row = r1;
			}
		} else
			row = delta[row + m->cls[b]];
		/* Keys ending here. Each is the longest found so far that
		 * starts where it does: the ones found before end earlier,
		 * and these all start apart. Where none ends, outs[0] (no
		 * key) is written over best[i + 1], which is empty: no
		 * branch to mispredict half the time. */
		uint32_t oi = (uint32_t)((row * m->recip) >> 32) - m->nquiet + 1;
		const struct rv_out *o = &m->outs[row >= m->outrow ? oi : 0];
		best[i + 1 - o->len].len = o->len;
		best[i + 1 - o->len].value = o->value;
		if (o->more == 0)
			continue;
		for (const struct rv_end *k = &m->ends[o->more]; k->len != 0;
		    k++) {
			best[i + 1 - k->len].len = k->len;
			best[i + 1 - k->len].value = k->value;
		}
	}
	for (size_t i = 0; i < n;) {
		if (best[i].len == 0) {
			i++;
			continue;
		}
		if (sc->n == sc->cap) {
			sc->cap = sc->cap ? sc->cap * 2 : 64;
			sc->hits = cs_xreallocarray(sc->hits, sc->cap,
			    sizeof *sc->hits);
		}
		sc->hits[sc->n].start = (uint32_t)i;
		sc->hits[sc->n].len = best[i].len;
		sc->hits[sc->n].value = best[i].value;
		sc->n++;
		i += best[i].len;
	}
	return sc->n;
}

void
rv_scan_free(struct rv_scan *sc)
{
	free(sc->hits);
	free(sc->best);
	free(sc->steps);
	memset(sc, 0, sizeof *sc);
}

void
rv_matcher_free(struct rv_matcher *m)
{
	if (m == NULL)
		return;
	free(m->bytes);
	free(m->keys);
	free(m->delta);
	free(m->outs);
	free(m->ends);
	free(m);
}
