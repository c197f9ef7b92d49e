/*
 * The volume forecast: a shop's daily receptions, October means, and the
 * ratio of a sale day to last October (the seed practice):
 *
 *   ratio    = receptions on MM-DD of Y-1 / mean daily receptions of October Y-1
 *   forecast = mean daily receptions of October Y x ratio
 *
 * A calendar says which days are kept: every day of October and the days
 * of the forecast window (--days). A shop keeps, for each year it has
 * rows in, one count for each of those days; rows of the same shop and day
 * are added up (an export with a row an agent gives the shop's day). The
 * slot arrays come from the caller's arena; a shop's year table grows by
 * doubling, so memory grows with shops x years, never with rows.
 */
#ifndef FC_VOLUME_H
#define FC_VOLUME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define FC_MAX_DAYS	366	/* days in a --days window */
#define FC_MAX_YEARS	50	/* --years */
#define FC_OCTOBER_DAYS	31

struct fc_calendar {
	short		 slot[13][32];	/* (month, day) -> slot, -1: not kept */
	int		 nslots;	/* October's 31, then the window's others */
	int		 ndays;		/* the forecast days, in calendar order */
	unsigned char	 month[FC_MAX_DAYS];
	unsigned char	 day[FC_MAX_DAYS];
};

struct fc_year {
	int		 year;
	int64_t		*n;		/* nslots counts; -1: no row that day */
};

struct fc_shop {
	const char	*name;
	size_t		 len;
	struct fc_year	*years;
	size_t		 nyears, cap;
	size_t		 hint;		/* the year found last */
};

enum fc_status {
	FC_OK,
	FC_NO_OCTOBER,			/* no row in that October */
	FC_FEW_DAYS,			/* fewer October days than --min-days */
	FC_ZERO_OCTOBER,		/* October's receptions are all 0 */
	FC_NO_DAY			/* no row on the day itself */
};

struct fc_october {
	int		 year;
	int		 days;		/* days with a row */
	int64_t		 sum;
	double		 mean;		/* sum / days */
};

/* One year's ratio of a day to its October. */
struct fc_year_ratio {
	int		 year;
	enum fc_status	 status;
	struct fc_october october;
	int64_t		 day;		/* receptions on the day; -1: none */
	double		 ratio;
};

struct fc_ratio {
	enum fc_status	 status;	/* FC_OK, or why Y-1 gives no ratio */
	int		 nyears;	/* years asked: Y-1 ... Y-nyears */
	struct fc_year_ratio year[FC_MAX_YEARS];
	int		 used;		/* years with a ratio */
	int		 latest;	/* index of the latest of them; -1 */
	double		 mean, low, high;
};

void	 fc_calendar_init(struct fc_calendar *);
int	 fc_calendar_days(struct fc_calendar *, const char *);
void	 fc_shop_init(struct fc_shop *, const char *, size_t);
void	 fc_shop_add(struct fc_shop *, const struct fc_calendar *,
	    struct cs_arena *, int, unsigned, unsigned, int64_t);
int64_t	 fc_shop_get(const struct fc_shop *, const struct fc_calendar *, int,
	    unsigned, unsigned);
void	 fc_shop_free(struct fc_shop *);
enum fc_status fc_october(const struct fc_shop *, const struct fc_calendar *,
	    int, int, struct fc_october *);
enum fc_status fc_ratio(const struct fc_shop *, const struct fc_calendar *,
	    int, unsigned, unsigned, int, int, struct fc_ratio *);
double	 fc_round(double);
double	 fc_ceil(double);
double	 fc_agents(double, double, double);

#endif
