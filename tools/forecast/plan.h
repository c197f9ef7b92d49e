/*
 * Pieces of the text plan (--format text), the page a manager pins on
 * the wall: numbers with thousands separators and agents drawn as a bar.
 * Plain values in, text out; the same bytes in every locale.
 */
#ifndef FC_PLAN_H
#define FC_PLAN_H

#include "buf.h"

#define FC_BAR_WIDTH	30

char	*fc_thousands(char *, double, int);
void	 fc_bar(struct cs_buf *, double, double, int);

#endif
