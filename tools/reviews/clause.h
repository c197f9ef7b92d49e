/*
 * The clause splitter: a review cut into the clauses buyers think in.
 *
 * A clause ends at punctuation, Chinese or ASCII (，。！？；：… , . ! ? ; :
 * ~ brackets, spaces and line ends: rv_clause_breaks), and a new one
 * starts before a contrast word (但是, 不过, 就是, 只是, 可惜, 美中不足,
 * 唯一…: the lexicon's "but" terms). The clause a contrast word starts
 * weighs what the word says (2 for 但是: what comes after "but" is what
 * the buyer means; 0.5 for 虽然). When that clause holds nothing but the
 * contrast word ("但是！！！我想吐槽…"), its weight goes on to the next
 * clause.
 *
 * The splitter sees tokens, not bytes: the matcher's hits with their
 * kinds (punctuation is RV_PUNCT), so the text is read once. Clauses are
 * spans of the text without the punctuation around them; empty ones are
 * not returned.
 */
#ifndef RV_CLAUSE_H
#define RV_CLAUSE_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

struct rv_token {
	uint32_t	 start, len;	/* bytes of the text */
	enum rv_kind	 kind;
	int		 aspect;	/* -1 none */
	int		 weight;	/* hundredths */
};

struct rv_clause {
	uint32_t	 start, end;	/* bytes of the text */
	uint32_t	 first, ntok;	/* its tokens */
	int		 weight;	/* hundredths */
};

extern const char *const rv_clause_breaks[];

size_t	 rv_clause_split(const struct rv_token *, size_t, size_t,
	    struct rv_clause *);

#endif
