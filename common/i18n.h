/*
 * Translation markers. Every user-facing string goes through _() (or N_()
 * in a static table, translated where it is printed), so that a zh_CN
 * catalogue can follow without touching the code. Without libintl the
 * strings stand as written.
 */
#ifndef CS_I18N_H
#define CS_I18N_H

#ifdef HAVE_LIBINTL_H
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

#endif
