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
EXTRA_DIST += tools/reviews/aspects.def bench/reviews.sh
dist_man_MANS += man/cs-reviews.1

# Unit tests: one Check program a domain module, linked with the tool's objects.
RV_OBJECTS = \
	tools/reviews/builtin.$(OBJEXT) tools/reviews/lexicon.$(OBJEXT) \
	tools/reviews/matcher.$(OBJEXT) tools/reviews/clause.$(OBJEXT) \
	tools/reviews/score.$(OBJEXT) tools/reviews/rating.$(OBJEXT) \
	tools/reviews/summary.$(OBJEXT)
RV_UNIT_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/reviews
if HAVE_CHECK
check_PROGRAMS += \
	t/unit/test-reviews-matcher t/unit/test-reviews-lexicon \
	t/unit/test-reviews-clause t/unit/test-reviews-score \
	t/unit/test-reviews-rating t/unit/test-reviews-summary
endif
t_unit_test_reviews_matcher_SOURCES = t/unit/test-reviews-matcher.c t/unit/ck.h
t_unit_test_reviews_matcher_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_matcher_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
t_unit_test_reviews_lexicon_SOURCES = t/unit/test-reviews-lexicon.c t/unit/ck.h
t_unit_test_reviews_lexicon_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_lexicon_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
t_unit_test_reviews_clause_SOURCES = t/unit/test-reviews-clause.c t/unit/ck.h
t_unit_test_reviews_clause_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_clause_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
t_unit_test_reviews_score_SOURCES = t/unit/test-reviews-score.c t/unit/ck.h
t_unit_test_reviews_score_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_score_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
t_unit_test_reviews_rating_SOURCES = t/unit/test-reviews-rating.c t/unit/ck.h
t_unit_test_reviews_rating_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_rating_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
t_unit_test_reviews_summary_SOURCES = t/unit/test-reviews-summary.c t/unit/ck.h
t_unit_test_reviews_summary_CFLAGS = $(RV_UNIT_CFLAGS)
t_unit_test_reviews_summary_LDADD = $(RV_OBJECTS) $(UNIT_LDADD)
