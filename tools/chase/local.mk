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

# Unit tests: one Check program a domain module, linked with the tool's objects.
CHASE_OBJECTS = \
	tools/chase/chase.$(OBJEXT) tools/chase/assign.$(OBJEXT) \
	tools/chase/effect.$(OBJEXT) tools/chase/holdout.$(OBJEXT) \
	tools/chase/scheduler.$(OBJEXT) tools/chase/sms.$(OBJEXT) \
	tools/chase/templates.$(OBJEXT) tools/chase/windows.$(OBJEXT)
CHASE_UNIT_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)/tools/chase
if HAVE_CHECK
check_PROGRAMS += \
	t/unit/test-chase-assign t/unit/test-chase-effect \
	t/unit/test-chase-holdout t/unit/test-chase-scheduler \
	t/unit/test-chase-sms t/unit/test-chase-templates \
	t/unit/test-chase-windows
endif
t_unit_test_chase_assign_SOURCES = t/unit/test-chase-assign.c t/unit/ck.h
t_unit_test_chase_assign_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_assign_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_effect_SOURCES = t/unit/test-chase-effect.c t/unit/ck.h
t_unit_test_chase_effect_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_effect_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_holdout_SOURCES = t/unit/test-chase-holdout.c t/unit/ck.h
t_unit_test_chase_holdout_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_holdout_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_scheduler_SOURCES = t/unit/test-chase-scheduler.c t/unit/ck.h
t_unit_test_chase_scheduler_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_scheduler_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_sms_SOURCES = t/unit/test-chase-sms.c t/unit/ck.h
t_unit_test_chase_sms_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_sms_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_templates_SOURCES = t/unit/test-chase-templates.c t/unit/ck.h
t_unit_test_chase_templates_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_templates_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
t_unit_test_chase_windows_SOURCES = t/unit/test-chase-windows.c t/unit/ck.h
t_unit_test_chase_windows_CFLAGS = $(CHASE_UNIT_CFLAGS)
t_unit_test_chase_windows_LDADD = $(CHASE_OBJECTS) $(UNIT_LDADD)
