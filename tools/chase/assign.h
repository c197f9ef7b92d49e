/*
 * Who sends a chase. Agents have a weight and the channels they use; each
 * channel deals its chases out by smooth weighted round-robin (each agent's
 * credit grows by its weight, the agent with the most credit takes the
 * chase and gives back the sum of the weights), so that weights 2 and 1
 * give A B A A B A..., never A A B in bursts, and the same input always
 * gives the same agents. An agent of weight 0 takes no round-robin chase,
 * only buyers who chatted with them (--inquiries).
 *
 * Agent names are copied into the set's arena and live as long as the set.
 */
#ifndef CHASE_ASSIGN_H
#define CHASE_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "chase.h"

#define CHASE_ALL_CHANNELS	((1u << CHASE_NCHANNELS) - 1)
#define CHASE_MAX_WEIGHT	1000

struct chase_agent {
	const char	*name;
	size_t		 len;
	int		 weight;
	unsigned	 channels;	/* bit c for channel c */
	int64_t		 credit[CHASE_NCHANNELS];
};

struct chase_agents {
	struct chase_agent	*a;
	size_t			 n, cap;
	struct cs_arena		 arena;
};

void	 chase_agents_init(struct chase_agents *);
int	 chase_agents_add(struct chase_agents *, const char *, size_t, int,
	    unsigned);
int	 chase_channels_parse(const char *, size_t, unsigned *);
int	 chase_agents_parse_list(struct chase_agents *, const char *);
long	 chase_agents_find(const struct chase_agents *, const char *, size_t);
long	 chase_agents_next(struct chase_agents *, int);
void	 chase_agents_free(struct chase_agents *);

#endif
