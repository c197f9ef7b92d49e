# cs-chase: the payment chase list for right now, and its measured effect.
bin_PROGRAMS += tools/cs-chase
CHASE_MODULES = \
	tools/chase/chase.c tools/chase/chase.h \
	tools/chase/assign.c tools/chase/assign.h \
	tools/chase/effect.c tools/chase/effect.h \
	tools/chase/holdout.c tools/chase/holdout.h \
	tools/chase/scheduler.c tools/chase/scheduler.h \
	tools/chase/sms.c tools/chase/sms.h \
	tools/chase/templates.c tools/chase/templates.h \
	tools/chase/windows.c tools/chase/windows.h
tools_cs_chase_SOURCES = tools/chase/main.c $(CHASE_MODULES)
dist_man_MANS += man/cs-chase.1
