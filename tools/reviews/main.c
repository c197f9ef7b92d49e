/*
 * cs-reviews: what buyers complain about, aspect by aspect, including
 * inside five-star reviews; per review, or as a summary by aspect and
 * week, month, item or SKU with quotes.
 *
 * Per review the tool streams: one row in, one row out. With --summary it
 * holds one entry per group (aspect x period x item), each with at most
 * --examples quotes, never the rows.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cli.h"
#include "datetime.h"
#include "diag.h"
#include "fields.h"
#include "fmt.h"
#include "i18n.h"
#include "map.h"
#include "reader.h"
#include "sink.h"
#include "value.h"
#include "writer.h"
#include "xmalloc.h"

#include "lexicon.h"
#include "rating.h"
#include "score.h"
#include "summary.h"

/* Fields of a review export; the first ones are passed through. */
enum {
	F_ID, F_ORDER_ID, F_BUYER, F_SKU, F_ITEM, F_DATE, F_RATING, F_TEXT,
	F_FOLLOWUP, NFIELDS
};
#define NPASS	(F_RATING + 1)

static const struct cs_field review_fields[NFIELDS] = {
	{ "id", 0 }, { "order_id", 0 }, { "buyer", 0 }, { "sku", 0 },
	{ "item", 0 }, { "date", 0 }, { "rating", 0 },
	{ "text", CS_FIELD_REQUIRED }, { "followup", 0 },
};

enum { OPT_PRINT_LEXICON = CS_OPT_TOOL };

static const struct cs_option options[] = {
	{ "summary", 's', false, NULL,
	    N_("a summary by aspect instead of one row a review") },
	{ "by", 'b', true, "FIELDS",
	    N_("with --summary, group by FIELDS, comma-separated: aspect\n(default), and at most one of date, week, month, and item,\nsku") },
	{ "examples", 'e', true, "N",
	    N_("with --summary, up to N short negative quotes a row") },
	{ "hidden", 'H', false, NULL,
	    N_("only the hidden negatives: reviews rated good (or 4-5\nstars) that complain") },
	{ "lexicon", 'l', true, "FILE",
	    N_("more words: a CSV with columns term, aspect, polarity,\nweight (repeatable; see cs-reviews(1))") },
	{ "print-lexicon", OPT_PRINT_LEXICON, false, NULL,
	    N_("write the lexicon (built-in and --lexicon) and exit") },
	{ NULL, 0, false, NULL, NULL }
};

static struct {
	bool		 summary;
	enum rv_dim	 by[RV_NDIMS];
	size_t		 nby;
	bool		 by_set;
	long long	 examples;
	bool		 examples_set;
	bool		 hidden;
	const char	**lexicons;
	size_t		 nlexicons;
	bool		 print_lexicon;
} opt;

static void
parse_by(const char *arg)
{
	const char *names[RV_NDIMS];
	int by[RV_NDIMS], periods = 0;

	for (int d = 0; d < RV_NDIMS; d++)
		names[d] = rv_dim_name((enum rv_dim)d);
	opt.nby = cs_cli_list("by", arg, names, RV_NDIMS, by);
	for (size_t i = 0; i < opt.nby; i++) {
		opt.by[i] = (enum rv_dim)by[i];
		if (rv_dim_is_period(opt.by[i]) && ++periods > 1)
			cs_usage_error(_("--by %s: one of date, week and month at most"),
			    cs_quote(arg, strlen(arg)));
	}
}

static void
handle(int key, const char *arg)
{
	switch (key) {
	case 's':
		opt.summary = true;
		break;
	case 'b':
		parse_by(arg);
		opt.by_set = true;
		break;
	case 'e':
		opt.examples = cs_cli_number("examples", arg, 0, 100);
		opt.examples_set = true;
		break;
	case 'H':
		opt.hidden = true;
		break;
	case 'l':
		opt.lexicons = cs_xreallocarray(opt.lexicons, opt.nlexicons + 1,
		    sizeof *opt.lexicons);
		opt.lexicons[opt.nlexicons++] = arg;
		break;
	case OPT_PRINT_LEXICON:
		opt.print_lexicon = true;
		break;
	default:
		break;
	}
}

static const struct cs_tool tool = {
	"cs-reviews",
	N_("Find what buyers complain about in a review export, aspect by aspect\n"
	    "(物流, 质量, 尺码…), including inside good reviews; per review, or as a\n"
	    "summary by aspect and week, month, item or SKU, with quotes."),
	N_("Per review: the input's id, order_id, buyer, sku, item, date and rating\n"
	    "columns, then polarity (positive, negative, mixed, neutral), score (-1\n"
	    "to 1), aspects (物流:-;质量:+), hidden_negative (yes/no), evidence (the\n"
	    "negative clauses as written) and followup (the follow-up's polarity).\n"
	    "Summary: reviews, positive, negative, negative_share, hidden_negatives,\n"
	    "change (against the previous period) and examples."),
	options,
	handle,
};

static struct rv_lexicon *lexicon;
static struct rv_scorer *scorer;
static struct rv_result result;
static struct cs_buf aspects_buf = CS_BUF_INIT, evidence_buf = CS_BUF_INIT;
static bool pass[NPASS];	/* the columns passed through */
static const char **aspect_name;	/* the aspects' names */
static size_t *aspect_len;	/* and their lengths */
static size_t polarity_len[RV_MIXED + 1];

static void
load_lexicon(const struct cs_common *c, const char *path)
{
	static const struct cs_field f[] = {
		{ "term", CS_FIELD_REQUIRED }, { "aspect", 0 },
		{ "polarity", CS_FIELD_REQUIRED }, { "weight", 0 },
	};
	int col[4];
	struct cs_reader *r = cs_fields_open(path, &c->in, f, 4, col, false);
	const struct cs_row *row;

	while ((row = cs_reader_next(r)) != NULL) {
		const char *v[4], *bad;
		size_t n[4];
		for (int i = 0; i < 4; i++)
			v[i] = cs_row_get(row, col[i], &n[i]);
		if (rv_lexicon_add(lexicon, v[0], n[0], v[1], n[1], v[2], n[2],
		    v[3], n[3], &bad) != 0) {
			if (strcmp(bad, "term") == 0)
				cs_reader_reject(r, _("term %s: empty or longer than 64 bytes"),
				    cs_quote(v[0], n[0]));
			else if (strcmp(bad, "aspect") == 0)
				cs_reader_reject(r, _("aspect %s: a name without ',', ':' or ';', needed when polarity is 0"),
				    cs_quote(v[1], n[1]));
			else if (strcmp(bad, "polarity") == 0)
				cs_reader_reject(r, _("polarity %s: must be +, -, 0, ~, not, degree, too, but, boilerplate or stop"),
				    cs_quote(v[2], n[2]));
			else
				cs_reader_reject(r, _("weight %s: must be a number from 0 to 10 with at most two decimals"),
				    cs_quote(v[3], n[3]));
		}
	}
	cs_reader_close(r);
}

static void
print_lexicon(struct cs_writer *w)
{
	static const char *const names[] = { "term", "aspect", "polarity",
		"weight" };
	char buf[16];

	cs_writer_header(w, names, 4);
	for (size_t i = 0; i < rv_lexicon_count(lexicon); i++) {
		const struct rv_term *t = rv_lexicon_term(lexicon, i);
		cs_writer_field(w, t->text, t->len);
		cs_writer_str(w, t->aspect >= 0 ?
		    rv_lexicon_aspect(lexicon, (size_t)t->aspect) : "");
		cs_writer_str(w, rv_kind_name(t->kind));
		cs_writer_str(w, rv_weight_format(buf, t->weight));
		cs_writer_end(w);
	}
}

static void
review_header(struct cs_writer *w)
{
	static const char *const out[] = { "polarity", "score", "aspects",
		"hidden_negative", "evidence", "followup" };
	const char *names[NPASS + 6];
	size_t n = 0;

	for (int f = 0; f < NPASS; f++)
		if (pass[f])
			names[n++] = review_fields[f].name;
	for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
		names[n++] = out[i];
	cs_writer_header(w, names, n);
}

/* "物流:-;质量:+", the aspects in lexicon order; a complaint wins. Most
 * reviews name one or two of the aspects: the flags are read eight at a
 * time. */
static void
format_aspects(const struct rv_result *r, struct cs_buf *b)
{
	cs_buf_reset(b);
	for (size_t base = 0; base < r->naspects; base += 8) {
		size_t end = r->naspects - base < 8 ? r->naspects : base + 8;
		uint64_t any;
		if (end - base == 8) {
			memcpy(&any, r->named + base, 8);
			if (any == 0)
				continue;
		}
		for (size_t a = base; a < end; a++) {
			if (!r->named[a])
				continue;
			if (b->len > 0)
				cs_buf_addc(b, ';');
			cs_buf_add(b, aspect_name[a], aspect_len[a]);
			int sign = rv_result_sign(r, a);
			cs_buf_add(b, sign > 0 ? ":+" : sign < 0 ? ":-" : ":0", 2);
		}
	}
}

/* The negative clauses as written, a follow-up's marked 追评. */
static void
format_evidence(const struct rv_result *r, const char *const *text,
    struct cs_buf *b)
{
	cs_buf_reset(b);
	for (size_t i = 0; i < r->nevidence; i++) {
		const struct rv_span *e = &r->evidence[i];
		if (i > 0)
			cs_buf_adds(b, " | ");
		if (e->part == 1)
			cs_buf_adds(b, "追评：");
		cs_buf_add(b, text[e->part] + e->start, e->end - e->start);
	}
}

/*
 * The score, (pos - neg) / (pos + neg + 100) to two places, rounded half
 * up: what cs_fmt_ratio writes, without its snprintf (a tenth of the run
 * when it formatted every row). The magnitude is at most 1, so it is one
 * digit, a point and two.
 */
static size_t
format_score(char *buf, int pos, int neg)
{
	int64_t num = (int64_t)pos - neg, den = (int64_t)pos + neg + 100;
	char *p = buf;

	if (pos < 0 || neg < 0) {	/* never: the sums are >= 0 */
		cs_fmt_ratio(buf, num, den, 2);
		return strlen(buf);
	}
	uint64_t mag = (uint64_t)(num < 0 ? -num : num);
	uint64_t q = (mag * 200 + (uint64_t)den) / (2 * (uint64_t)den);
	if (num < 0 && q != 0)
		*p++ = '-';
	*p++ = (char)('0' + q / 100);	/* q <= 100 */
	*p++ = '.';
	*p++ = (char)('0' + q % 100 / 10);
	*p++ = (char)('0' + q % 10);
	*p = '\0';
	return (size_t)(p - buf);
}

static void
write_score(struct cs_writer *w, int pos, int neg)
{
	char s[CS_FMT_BUFSIZE];
	size_t n = format_score(s, pos, neg);

	cs_writer_field(w, s, n);
}

/* A constant string with its length known at compile time. */
#define WRITE_LIT(w, s)	cs_writer_field((w), (s), sizeof(s) - 1)

static void
write_polarity(struct cs_writer *w, enum rv_polarity p)
{
	cs_writer_field(w, rv_polarity_name(p), polarity_len[p]);
}

static void
review_row(struct cs_writer *w, const char *const *v, const size_t *n,
    enum rv_polarity pol, bool hidden)
{
	const char *text[RV_PARTS] = { v[F_TEXT], v[F_FOLLOWUP] };
	int pos = rv_result_pos(&result), neg = rv_result_neg(&result);

	for (int f = 0; f < NPASS; f++)
		if (pass[f])
			cs_writer_field(w, v[f], n[f]);
	write_polarity(w, pol);
	write_score(w, pos, neg);
	format_aspects(&result, &aspects_buf);
	cs_writer_field(w, aspects_buf.data != NULL ? aspects_buf.data : "",
	    aspects_buf.len);
	if (hidden)
		WRITE_LIT(w, "yes");
	else
		WRITE_LIT(w, "no");
	format_evidence(&result, text, &evidence_buf);
	cs_writer_field(w, evidence_buf.data != NULL ? evidence_buf.data : "",
	    evidence_buf.len);
	if (result.part[1].text)
		write_polarity(w, rv_polarity(result.part[1].pos,
		    result.part[1].neg));
	else
		WRITE_LIT(w, "");
	cs_writer_end(w);
}

int
main(int argc, char **argv)
{
	struct cs_common c;
	struct rv_summary *sum = NULL;
	int first;

	first = cs_cli_parse(&tool, argc, argv, &c);
	if (opt.by_set)
		opt.summary = true;
	if (!opt.summary && opt.examples_set)
		cs_usage_error(_("--examples needs --summary"));
	if (opt.print_lexicon && (opt.summary || opt.hidden || first < argc))
		cs_usage_error(_("--print-lexicon reads no reviews: it takes no FILE, --summary, --by or --hidden"));
	if (opt.summary && !opt.by_set) {
		opt.by[0] = RV_DIM_ASPECT;
		opt.nby = 1;
	}

	struct cs_sink *out = cs_cli_open_output(&c);
	struct cs_writer *w = cs_writer_new(out, c.format, c.bom);
	lexicon = rv_lexicon_new(true);
	for (size_t i = 0; i < opt.nlexicons; i++)
		load_lexicon(&c, opt.lexicons[i]);
	if (opt.print_lexicon) {
		print_lexicon(w);
		cs_writer_close(w);
		rv_lexicon_free(lexicon);
		free(opt.lexicons);
		return cs_cli_finish(out);
	}
	scorer = rv_scorer_new(lexicon);
	rv_result_init(&result, rv_lexicon_naspects(lexicon));
	aspect_len = cs_xreallocarray(NULL, rv_lexicon_naspects(lexicon) + 1,
	    sizeof *aspect_len);
	aspect_name = cs_xreallocarray(NULL, rv_lexicon_naspects(lexicon) + 1,
	    sizeof *aspect_name);
	for (size_t a = 0; a < rv_lexicon_naspects(lexicon); a++) {
		aspect_name[a] = rv_lexicon_aspect(lexicon, a);
		aspect_len[a] = strlen(aspect_name[a]);
	}
	for (int p = 0; p <= RV_MIXED; p++)
		polarity_len[p] = strlen(rv_polarity_name((enum rv_polarity)p));
	if (opt.summary)
		sum = rv_summary_new(lexicon, opt.by, opt.nby,
		    (size_t)opt.examples);

	/* Files are read in turn; the per-review header follows the first
	 * file's columns. */
	bool header_done = false;
	for (int i = first; i < argc || (i == first && first == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		int col[NFIELDS];
		struct cs_reader *r = cs_fields_open(path, &c.in, review_fields,
		    NFIELDS, col, false);
		const struct cs_row *row;
		bool need_date = sum != NULL && rv_summary_needs_date(sum);

		if (!header_done && !opt.summary) {
			for (int f = 0; f < NPASS; f++)
				pass[f] = col[f] >= 0;
			review_header(w);
		}
		header_done = true;
		if (sum != NULL) {
			/* A summary passes no column through: copy only the
			 * columns it reads. */
			int want[NFIELDS];
			bool by_item = false, by_sku = false;
			for (size_t d = 0; d < opt.nby; d++) {
				by_item |= opt.by[d] == RV_DIM_ITEM;
				by_sku |= opt.by[d] == RV_DIM_SKU;
			}
			memcpy(want, col, sizeof want);
			want[F_ID] = want[F_ORDER_ID] = want[F_BUYER] = -1;
			if (!need_date)
				want[F_DATE] = -1;
			if (!by_item)
				want[F_ITEM] = -1;
			if (!by_sku)
				want[F_SKU] = -1;
			cs_reader_want_columns(r, want, NFIELDS);
		}
		if (sum != NULL && cs_reader_header(r)->n > 0) {
			/* A grouping field must exist. */
			for (size_t d = 0; d < opt.nby; d++) {
				int f = opt.by[d] == RV_DIM_ITEM ? F_ITEM :
				    opt.by[d] == RV_DIM_SKU ? F_SKU :
				    rv_dim_is_period(opt.by[d]) ? F_DATE : -1;
				if (f < 0 || col[f] >= 0)
					continue;
				struct cs_field fld = review_fields[f];
				fld.flags = CS_FIELD_REQUIRED;
				int x;
				cs_fields_bind(cs_reader_header(r),
				    cs_reader_name(r), &fld, 1, &x);
			}
		}
		while ((row = cs_reader_next(r)) != NULL) {
			const char *v[NFIELDS];
			size_t n[NFIELDS];
			enum rv_rating rating;
			int64_t day = 0;
			bool has_day = false;

			for (int f = 0; f < NFIELDS; f++)
				v[f] = cs_row_get(row, col[f], &n[f]);
			if (rv_rating_parse(v[F_RATING], n[F_RATING], &rating) ==
			    CS_VALUE_INVALID) {
				cs_reader_reject(r, _("rating %s: not 好评/中评/差评, good/neutral/bad or 1-5 stars"),
				    cs_quote(v[F_RATING], n[F_RATING]));
				continue;
			}
			if (need_date && n[F_DATE] > 0) {
				int64_t at;
				if (cs_datetime_parse(v[F_DATE], n[F_DATE], &at,
				    NULL) != 0) {
					cs_reader_reject(r, _("date %s: not a date or date-time"),
					    cs_quote(v[F_DATE], n[F_DATE]));
					continue;
				}
				day = cs_floor_div(at, CS_DAY_SECONDS);
				has_day = true;
			}
			rv_result_reset(&result);
			rv_score(scorer, v[F_TEXT], n[F_TEXT], 0, &result);
			if (n[F_FOLLOWUP] > 0)
				rv_score(scorer, v[F_FOLLOWUP], n[F_FOLLOWUP], 1,
				    &result);
			int pos = rv_result_pos(&result);
			int neg = rv_result_neg(&result);
			enum rv_polarity pol = rv_polarity(pos, neg);
			bool hidden = rating == RV_RATING_GOOD && neg > 0;
			if (opt.hidden && !hidden)
				continue;
			if (sum != NULL) {
				const char *text[RV_PARTS] = { v[F_TEXT],
					v[F_FOLLOWUP] };
				struct rv_review rv = {
					pol, hidden, has_day, day,
					v[F_ITEM], n[F_ITEM], v[F_SKU], n[F_SKU],
				};
				rv_summary_add(sum, &rv, &result, text);
			} else
				review_row(w, v, n, pol, hidden);
		}
		cs_reader_close(r);
	}
	if (sum != NULL) {
		rv_summary_write(sum, w);
		rv_summary_free(sum);
	}
	cs_writer_close(w);

	rv_result_free(&result);
	free(aspect_name);
	free(aspect_len);
	rv_scorer_free(scorer);
	rv_lexicon_free(lexicon);
	cs_buf_free(&aspects_buf);
	cs_buf_free(&evidence_buf);
	free(opt.lexicons);
	return cs_cli_finish(out);
}
