# samples/: made-up exports shaped like real ones, the generator that makes
# them (and the big files bench/ needs), and the demo pipeline.
noinst_PROGRAMS = samples/gen
samples_gen_SOURCES = samples/gen.c
samples_gen_LDADD =
EXTRA_DIST += samples/README.md samples/regen.sh samples/double11.sh \
	samples/taobao-orders.csv samples/taobao-orders-later.csv \
	samples/qianniu-suborders.csv samples/inquiries.csv \
	samples/bad-inquiries.csv samples/reasons.csv samples/reviews.csv \
	samples/receptions-daily.csv samples/receptions-hourly.csv \
	samples/members.csv samples/items.csv samples/agents.csv
