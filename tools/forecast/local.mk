# cs-forecast: 11.11 volume from last year's October ratio, and the agents
# it takes per day and per hour (Erlang C and A).
FORECAST_MODULES = \
	tools/forecast/erlang.c tools/forecast/erlang.h \
	tools/forecast/hourly.c tools/forecast/hourly.h \
	tools/forecast/plan.c tools/forecast/plan.h \
	tools/forecast/volume.c tools/forecast/volume.h
bin_PROGRAMS += tools/cs-forecast
tools_cs_forecast_SOURCES = tools/forecast/main.c $(FORECAST_MODULES)
dist_man_MANS += man/cs-forecast.1
# Golden CLI cases: t/cli/forecast/ (in EXTRA_DIST with t/cli).

if HAVE_CHECK
check_PROGRAMS += t/unit/test-forecast-erlang t/unit/test-forecast-volume \
	t/unit/test-forecast-hourly t/unit/test-forecast-plan
endif
t_unit_test_forecast_erlang_SOURCES = t/unit/test-forecast-erlang.c t/unit/ck.h
t_unit_test_forecast_erlang_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/forecast
t_unit_test_forecast_erlang_LDADD = tools/forecast/erlang.$(OBJEXT) $(UNIT_LDADD)
t_unit_test_forecast_volume_SOURCES = t/unit/test-forecast-volume.c t/unit/ck.h
t_unit_test_forecast_volume_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/forecast
t_unit_test_forecast_volume_LDADD = tools/forecast/volume.$(OBJEXT) $(UNIT_LDADD)
t_unit_test_forecast_hourly_SOURCES = t/unit/test-forecast-hourly.c t/unit/ck.h
t_unit_test_forecast_hourly_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/forecast
t_unit_test_forecast_hourly_LDADD = tools/forecast/hourly.$(OBJEXT) $(UNIT_LDADD)
t_unit_test_forecast_plan_SOURCES = t/unit/test-forecast-plan.c t/unit/ck.h
t_unit_test_forecast_plan_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/forecast
t_unit_test_forecast_plan_LDADD = tools/forecast/plan.$(OBJEXT) $(UNIT_LDADD)
EXTRA_DIST += bench/forecast.sh bench/forecast-gen.awk
