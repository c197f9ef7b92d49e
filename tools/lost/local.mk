# cs-lost: inquiries that did not buy.
bin_PROGRAMS += tools/cs-lost
tools_cs_lost_SOURCES = tools/lost/main.c \
	tools/lost/reasons.c tools/lost/reasons.h \
	tools/lost/tally.c tools/lost/tally.h \
	tools/lost/buckets.c tools/lost/buckets.h \
	tools/lost/credit.c tools/lost/credit.h
dist_man_MANS += man/cs-lost.1
