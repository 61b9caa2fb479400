/*
 * kern/uipc_domain.c: the list of communication domains and the lookup
 * of a protocol switch by family, type and protocol.
 *
 * Entry points: domaininit() (mi_startup, once, before any socket
 * exists) adds the domains built into the kernel and runs their
 * dom_init and pr_init hooks; pffinddomain/pffindtype/pffindproto
 * (socreate, any thread) read the list, which is immutable after boot
 * ([I]), so they take no lock.
 */
#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/protosw.h>
#include <sys/domain.h>

static SLIST_HEAD(, domain) domains = SLIST_HEAD_INITIALIZER(domains);

void
domain_add(struct domain *dp)
{
	struct protosw *pr;

	KASSERT(pffinddomain(dp->dom_family) == NULL,
	    ("domain_add: family %d twice", dp->dom_family));
	if (dp->dom_init != NULL)
		dp->dom_init();
	for (pr = dp->dom_protosw; pr < dp->dom_protoswNPROTOSW; pr++) {
		pr->pr_domain = dp;
		if (pr->pr_init != NULL)
			pr->pr_init();
	}
	SLIST_INSERT_HEAD(&domains, dp, dom_next);
}

void
domaininit(void)
{
	domain_add(&localdomain);
}

struct domain *
pffinddomain(int family)
{
	struct domain *dp;

	SLIST_FOREACH(dp, &domains, dom_next)
		if (dp->dom_family == family)
			return (dp);
	return (NULL);
}

/* The domain's default protocol for a socket type. */
struct protosw *
pffindtype(int family, int type)
{
	struct domain *dp = pffinddomain(family);
	struct protosw *pr;

	if (dp == NULL)
		return (NULL);
	for (pr = dp->dom_protosw; pr < dp->dom_protoswNPROTOSW; pr++)
		if (pr->pr_type != 0 && pr->pr_type == type)
			return (pr);
	return (NULL);
}

/*
 * A protocol by number.  A match on protocol with another type is
 * remembered and returned when no exact match exists (socreate then says
 * EPROTOTYPE, as FreeBSD does).
 */
struct protosw *
pffindproto(int family, int protocol, int type)
{
	struct domain *dp = pffinddomain(family);
	struct protosw *pr, *maybe = NULL;

	if (dp == NULL || family == 0)
		return (NULL);
	for (pr = dp->dom_protosw; pr < dp->dom_protoswNPROTOSW; pr++) {
		if (pr->pr_protocol == protocol && pr->pr_type == type)
			return (pr);
		if (pr->pr_protocol == protocol && maybe == NULL)
			maybe = pr;
	}
	return (maybe);
}
