/*
 * sys/callout.h: per-CPU timeouts.
 *
 * A callout belongs to one CPU, chosen at callout_init_cpu() time, and its
 * function always runs in that CPU's softclock thread (never in interrupt
 * context), so a callout may take spinlocks and send messages but must not
 * sleep for long.  Fields are [gd_calloutlock] of the owning CPU.
 */
#ifndef _SYS_CALLOUT_H_
#define _SYS_CALLOUT_H_

#include <sys/types.h>
#include <sys/queue.h>

struct globaldata;

struct callout {
	TAILQ_ENTRY(callout) c_link;	/* on gd_callouts while pending */
	uint64_t	c_time;		/* tick it fires at */
	void		(*c_func)(void *);
	void		*c_arg;
	struct globaldata *c_gd;	/* [I] owning CPU */
	int		c_flags;	/* CALLOUT_* */
};

#define CALLOUT_PENDING	0x0001		/* queued on c_gd */
#define CALLOUT_ACTIVE	0x0002		/* set by reset, cleared by stop */
#define CALLOUT_DID_INIT 0x0004

void	callout_init(struct callout *c);		/* on this CPU */
void	callout_init_cpu(struct callout *c, int cpu);
void	callout_reset(struct callout *c, int ticks, void (*fn)(void *),
	    void *arg);
int	callout_stop(struct callout *c);	/* 1 if it was pending */
int	callout_drain(struct callout *c);	/* stop and wait if running */
int	callout_pending(struct callout *c);

/* Called from the clock interrupt on each CPU. */
void	callout_tick(struct globaldata *gd);
void	callout_cpu_init(struct globaldata *gd);

#endif /* !_SYS_CALLOUT_H_ */
