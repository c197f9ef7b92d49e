/*
 * Clauses from tokens: punctuation ends one, a contrast word starts one.
 */
#include "config.h"

#include "clause.h"

/* What ends a clause. Full-width forms first, then ASCII; 、 is not here
 * on purpose: "颜色、款式都好看" is one clause about both. */
const char *const rv_clause_breaks[] = {
	"，", "。", "！", "？", "；", "：", "…", "～", "（", "）", "【", "】",
	"《", "》", "　", "．", "｡", "﹗", "﹖", "﹐",
	",", ".", "!", "?", ";", ":", "~", "(", ")", "[", "]", " ", "\t", "\n",
	"\r", "\xC2\xA0",
	NULL
};

/*
 * Split the tokens of a text of len bytes into clauses. out must have room
 * for ntok + 1 clauses. Returns the number of clauses.
 */
size_t
rv_clause_split(const struct rv_token *tok, size_t ntok, size_t len,
    struct rv_clause *out)
{
	size_t n = 0, first = 0;
	uint32_t start = 0;
	int weight = 100, carry = 100;
	size_t content = 0;	/* tokens of the clause other than its contrast word */

	for (size_t i = 0; i <= ntok; i++) {
		const struct rv_token *t = i < ntok ? &tok[i] : NULL;
		uint32_t end;

		if (t != NULL && t->kind != RV_PUNCT && t->kind != RV_CONTRAST) {
			content++;
			continue;
		}
		/* Close the clause [start, end). */
		end = t != NULL ? t->start : (uint32_t)len;
		if (end > start) {
			out[n].start = start;
			out[n].end = end;
			out[n].first = (uint32_t)first;
			out[n].ntok = (uint32_t)(i - first);
			out[n].weight = weight;
			n++;
		}
		/* A contrast word with nothing after it hands its weight on. */
		carry = content == 0 && weight != 100 ? weight : 100;
		content = 0;
		if (t == NULL)
			break;
		if (t->kind == RV_PUNCT) {
			start = t->start + t->len;
			first = i + 1;
			weight = carry;
		} else {
			start = t->start;
			first = i;
			weight = t->weight;
		}
	}
	return n;
}
