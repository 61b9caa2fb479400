/*
 * machine/pmap.h: address-space layout and the direct map.
 *
 *   0x0000000000000000 ..     user space (later), identity map at boot
 *   DMAP_BASE ..              all physical memory (first 4 GiB at boot)
 *   KERNBASE ..               the kernel image (physical 0 .. 1 GiB)
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <machine/asmacros.h>

#define PHYS_TO_DMAP(pa)	((void *)((uint64_t)(pa) + DMAP_BASE))
#define DMAP_TO_PHYS(va)	((uint64_t)(va) - DMAP_BASE)
#define KVTOP(va)		((uint64_t)(va) - KERNBASE)
#ifndef __ASSEMBLY__
/*
 * End of the direct map: locore.S maps the first 4 GiB; machdep.c extends
 * the map with 1 GiB pages to cover all RAM the boot loader reports.
 */
extern unsigned long dmap_max_phys;		/* [I] */
#define DMAP_MAX_PHYS		dmap_max_phys
#endif

#endif
