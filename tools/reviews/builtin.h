/*
 * The built-in lexicon as data: sets of space-separated terms that share
 * an aspect, a polarity and a weight, in the lexicon file's spelling (see
 * lexicon.h). rv_lexicon_new reads them through rv_lexicon_add, in order:
 * a term listed twice keeps its last set.
 */
#ifndef RV_BUILTIN_H
#define RV_BUILTIN_H

#include <stddef.h>

struct rv_builtin {
	const char	*aspect;	/* "" for none */
	const char	*polarity;
	const char	*weight;	/* "" for the kind's default */
	const char	*terms;
};

extern const struct rv_builtin rv_builtin[];
extern const size_t rv_nbuiltin;

#endif
