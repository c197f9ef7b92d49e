/*
 * Translation markers. Every user-facing string goes through _() (or N_()
 * in a static table, translated where it is printed; P_(one, many, n) for
 * a message that counts, as ngettext(3)), so that a zh_CN
 * catalogue can follow without touching the code. Without libintl the
 * strings stand as written.
 */
#ifndef CS_I18N_H
#define CS_I18N_H

#ifdef HAVE_LIBINTL_H
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
