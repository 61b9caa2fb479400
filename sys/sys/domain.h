/*
 * sys/domain.h: a communication domain (protocol family): its protocols
 * and the hooks the socket layer calls for control messages.
 *
 * Domains register themselves at boot with domain_add()
 * (sys/kern/uipc_domain.c), which also runs every protocol's pr_init.
 * The control-message hooks run in user context:
 *   dom_internalize	sosend: turn a user's control message into the
 *			kernel form (AF_UNIX: SCM_RIGHTS descriptors become
 *			referenced files, SCM_CREDS gets the sender's creds)
 *   dom_externalize	soreceive: the reverse, in place, for the
 *			receiving process (install descriptors; flags may
 *			hold MSG_CMSG_CLOEXEC); on error every file it
 *			carried is released
 *   dom_dispose	drop a kernel control message nobody will receive
 *			(may be called by a netisr: must not sleep)
 */
#ifndef _SYS_DOMAIN_H_
#define _SYS_DOMAIN_H_

#include <sys/types.h>
#include <sys/queue.h>

struct mbuf;
struct protosw;
struct thread;

struct domain {
	int		dom_family;	/* AF_* */
	const char	*dom_name;
	void		(*dom_init)(void);
	int		(*dom_internalize)(struct mbuf **controlp,
			    struct thread *td);
	int		(*dom_externalize)(struct mbuf *control, int flags);
	void		(*dom_dispose)(struct mbuf *control);
	struct protosw	*dom_protosw;
	struct protosw	*dom_protoswNPROTOSW;
	SLIST_ENTRY(domain) dom_next;	/* [I] on the domain list */
};

#ifdef _KERNEL
void	domain_add(struct domain *dp);
void	domaininit(void);		/* mi_startup */
struct domain *pffinddomain(int family);
extern struct domain localdomain;	/* AF_UNIX, sys/kern/uipc_usrreq.c */
#endif

#endif /* !_SYS_DOMAIN_H_ */
