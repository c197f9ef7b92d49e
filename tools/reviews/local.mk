# cs-reviews: aspect complaints and hidden negatives in review exports.
bin_PROGRAMS += tools/cs-reviews
RV_MODULES = \
	tools/reviews/builtin.c tools/reviews/builtin.h \
	tools/reviews/lexicon.c tools/reviews/lexicon.h \
	tools/reviews/matcher.c tools/reviews/matcher.h \
	tools/reviews/clause.c tools/reviews/clause.h \
	tools/reviews/score.c tools/reviews/score.h \
	tools/reviews/rating.c tools/reviews/rating.h \
	tools/reviews/summary.c tools/reviews/summary.h
tools_cs_reviews_SOURCES = tools/reviews/main.c $(RV_MODULES)
EXTRA_DIST += tools/reviews/aspects.def
dist_man_MANS += man/cs-reviews.1
