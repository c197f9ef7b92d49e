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
