# cs-segment: unpaid orders segmented for payment chasing.
bin_PROGRAMS += tools/cs-segment
tools_cs_segment_SOURCES = tools/segment/main.c \
	tools/segment/values.c tools/segment/values.h \
	tools/segment/items.c tools/segment/items.h \
	tools/segment/rules.c tools/segment/rules.h \
	tools/segment/order.c tools/segment/order.h \
	tools/segment/summary.c tools/segment/summary.h
dist_man_MANS += man/cs-segment.1

# Check units, one a domain module.
SEGMENT_UNIT_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tools/segment
if HAVE_CHECK
check_PROGRAMS += t/unit/test-segment-values t/unit/test-segment-items \
	t/unit/test-segment-rules t/unit/test-segment-order \
	t/unit/test-segment-summary
endif
t_unit_test_segment_values_SOURCES = t/unit/test-segment-values.c t/unit/ck.h \
	tools/segment/values.c
t_unit_test_segment_values_CPPFLAGS = $(SEGMENT_UNIT_CPPFLAGS)
t_unit_test_segment_values_CFLAGS = $(UNIT_CFLAGS)
t_unit_test_segment_values_LDADD = $(UNIT_LDADD)
t_unit_test_segment_items_SOURCES = t/unit/test-segment-items.c t/unit/ck.h \
	tools/segment/items.c tools/segment/values.c
t_unit_test_segment_items_CPPFLAGS = $(SEGMENT_UNIT_CPPFLAGS)
t_unit_test_segment_items_CFLAGS = $(UNIT_CFLAGS)
t_unit_test_segment_items_LDADD = $(UNIT_LDADD)
t_unit_test_segment_rules_SOURCES = t/unit/test-segment-rules.c t/unit/ck.h \
	tools/segment/rules.c tools/segment/values.c
t_unit_test_segment_rules_CPPFLAGS = $(SEGMENT_UNIT_CPPFLAGS)
t_unit_test_segment_rules_CFLAGS = $(UNIT_CFLAGS)
t_unit_test_segment_rules_LDADD = $(UNIT_LDADD)
t_unit_test_segment_order_SOURCES = t/unit/test-segment-order.c t/unit/ck.h \
	tools/segment/order.c
t_unit_test_segment_order_CPPFLAGS = $(SEGMENT_UNIT_CPPFLAGS)
t_unit_test_segment_order_CFLAGS = $(UNIT_CFLAGS)
t_unit_test_segment_order_LDADD = $(UNIT_LDADD)
t_unit_test_segment_summary_SOURCES = t/unit/test-segment-summary.c t/unit/ck.h \
	tools/segment/summary.c
t_unit_test_segment_summary_CPPFLAGS = $(SEGMENT_UNIT_CPPFLAGS)
t_unit_test_segment_summary_CFLAGS = $(UNIT_CFLAGS)
t_unit_test_segment_summary_LDADD = $(UNIT_LDADD)

# The bench: cs-segment against its parse-only floor (bench/run segment).
EXTRA_DIST += bench/segment.sh bench/segment-floor.c
