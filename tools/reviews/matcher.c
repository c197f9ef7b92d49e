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

#include "matcher.h"
#include "xmalloc.h"

#define STEPS_BITS	14	/* the step cache: 16384 entries, 256 KB */

/* A step over a whole 3-byte character: from row, on the character
 * (its 16 payload bits, plus 1 << 16 so an empty entry matches none), to. */
struct rv_step {
	uint32_t	 row;
	uint32_t	 ch;
	uint32_t	 to;
	uint32_t	 pad;
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
	int		*term;		/* value of the key ending here, or -1 */
	uint32_t	*depth;		/* bytes from the root */
	uint32_t	*dict;		/* nearest terminal proper suffix, or 0 */
	size_t		 nstates;
	uint64_t	 id;		/* serial number of the build */
	int		 built;
};

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
	uint32_t *queue;

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

	m->delta = cs_xcalloc(max * ncls, sizeof *m->delta);
	m->term = cs_xmalloc(max * sizeof *m->term);
	m->depth = cs_xcalloc(max, sizeof *m->depth);
	m->dict = cs_xcalloc(max, sizeof *m->dict);
	m->term[0] = -1;
	m->nstates = 1;

	/* The trie. An edge never leads back to the root, so 0 is "none". */
	for (size_t k = 0; k < m->nkeys; k++) {
		uint32_t s = 0;
		for (size_t i = 0; i < m->keys[k].len; i++) {
			uint32_t *t = &m->delta[s * ncls +
			    m->cls[b[m->keys[k].off + i]]];
			if (*t == 0) {
				*t = (uint32_t)m->nstates;
				m->term[m->nstates] = -1;
				m->depth[m->nstates] = m->depth[s] + 1;
				m->nstates++;
			}
			s = *t;
		}
		m->term[s] = m->keys[k].value;
	}

	/* Failure links, breadth first, folded into the table: a missing
	 * edge of s becomes the edge of s's failure state, whose row is
	 * complete already (it is shallower). */
	uint32_t *fail = cs_xcalloc(m->nstates, sizeof *fail);
	queue = cs_xmalloc(m->nstates * sizeof *queue);
	size_t head = 1, tail = 1;
	queue[0] = 0;
	for (size_t c = 0; c < ncls; c++) {
		uint32_t t = m->delta[c];
		if (t != 0) {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		uint32_t s = queue[head++];
		for (size_t c = 0; c < ncls; c++) {
			uint32_t *t = &m->delta[s * ncls + c];
			uint32_t f = m->delta[fail[s] * ncls + c];
			if (*t != 0) {
				fail[*t] = f;
				m->dict[*t] = m->term[f] >= 0 ? f : m->dict[f];
				queue[tail++] = *t;
			} else
				*t = f;
		}
	}
	free(fail);

	/* Renumber: first the states where no key ends, then the others,
	 * each group breadth first (queue order); the root stays 0. */
	uint32_t *newid = cs_xmalloc(m->nstates * sizeof *newid);
	uint32_t *old = cs_xmalloc(m->nstates * sizeof *old);
	size_t nid = 0, nquiet = 0;
	for (int out = 0; out < 2; out++) {
		for (size_t q = 0; q < tail; q++) {
			uint32_t s = queue[q];
			if ((m->term[s] >= 0 || m->dict[s] != 0) == out) {
				newid[s] = (uint32_t)nid;
				old[nid++] = s;
			}
		}
		if (out == 0)
			nquiet = nid;
	}
	/* Row offsets are 32 bits: 2^32 entries would be 16 GB of table,
	 * more than the allocation above ever gets. */
	if (m->nstates * ncls > UINT32_MAX)
		abort();
	uint32_t *delta = cs_xmalloc(m->nstates * ncls * sizeof *delta);
	int *term = cs_xmalloc(m->nstates * sizeof *term);
	uint32_t *depth = cs_xmalloc(m->nstates * sizeof *depth);
	uint32_t *dict = cs_xmalloc(m->nstates * sizeof *dict);
	for (size_t s = 0; s < m->nstates; s++) {
		uint32_t o = old[s];
		for (size_t c = 0; c < ncls; c++)
			delta[s * ncls + c] =
			    (uint32_t)(newid[m->delta[o * ncls + c]] * ncls);
		term[s] = m->term[o];
		depth[s] = m->depth[o];
		dict[s] = newid[m->dict[o]];
	}
	m->outrow = (uint32_t)(nquiet * ncls);
	free(m->delta);
	free(m->term);
	free(m->depth);
	free(m->dict);
	m->delta = delta;
	m->term = term;
	m->depth = depth;
	m->dict = dict;
	free(newid);
	free(old);
	free(queue);
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
	const uint16_t *cls = m->cls;
	size_t ncls = m->ncls;
	uint32_t row = 0, outrow = m->outrow;

	sc->n = 0;
	if (n == 0)
		return 0;
	if (n > sc->bestcap) {
		sc->bestcap = n * 2;
		sc->best = cs_xreallocarray(sc->best, sc->bestcap, sizeof *sc->best);
		sc->bestval = cs_xreallocarray(sc->bestval, sc->bestcap,
		    sizeof *sc->bestval);
	}
	memset(sc->best, 0, n * sizeof *sc->best);
	if (sc->owner != m->id) {
		if (sc->steps == NULL)
			sc->steps = cs_xmalloc(sizeof *sc->steps << STEPS_BITS);
		memset(sc->steps, 0, sizeof *sc->steps << STEPS_BITS);
		sc->owner = m->id;
	}
	struct rv_step *steps = sc->steps;
	for (size_t i = 0; i < n; i++) {
		unsigned b = p[i];

		if (b >= 0xe0 && b < 0xf0 && n - i > 2 &&
		    (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80) {
			uint32_t ch = 1u << 16 | (b & 0x0fu) << 12 |
			    (p[i + 1] & 0x3fu) << 6 | (p[i + 2] & 0x3fu);
			struct rv_step *e = &steps[(row ^ (ch * 0x9e3779b1u) >>
			    (32 - STEPS_BITS)) & ((1u << STEPS_BITS) - 1)];

			if (e->row == row && e->ch == ch) {
				row = e->to;
				i += 2;
			} else {
				uint32_t r1 = delta[row + cls[b]];
				uint32_t r2 = delta[r1 + cls[p[i + 1]]];

				if (r1 < outrow && r2 < outrow) {
					/* No key ends inside: keep it. */
					e->row = row;
					e->ch = ch;
					row = e->to = delta[r2 + cls[p[i + 2]]];
					i += 2;
				} else
					row = r1;
			}
		} else
			row = delta[row + cls[b]];
		if (row < outrow)
			continue;
		/* Keys ending here, longest first. */
		uint32_t s = (uint32_t)(row / ncls);
		for (uint32_t t = m->term[s] >= 0 ? s : m->dict[s]; t != 0;
		    t = m->dict[t]) {
			size_t start = i + 1 - m->depth[t];
			if (m->depth[t] > sc->best[start]) {
				sc->best[start] = m->depth[t];
				sc->bestval[start] = m->term[t];
			}
		}
	}
	for (size_t i = 0; i < n;) {
		if (sc->best[i] == 0) {
			i++;
			continue;
		}
		if (sc->n == sc->cap) {
			sc->cap = sc->cap ? sc->cap * 2 : 64;
			sc->hits = cs_xreallocarray(sc->hits, sc->cap,
			    sizeof *sc->hits);
		}
		sc->hits[sc->n].start = (uint32_t)i;
		sc->hits[sc->n].len = sc->best[i];
		sc->hits[sc->n].value = sc->bestval[i];
		sc->n++;
		i += sc->best[i];
	}
	return sc->n;
}

void
rv_scan_free(struct rv_scan *sc)
{
	free(sc->hits);
	free(sc->best);
	free(sc->bestval);
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
	free(m->term);
	free(m->depth);
	free(m->dict);
	free(m);
}
