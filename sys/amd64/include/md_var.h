/*
 * machine/md_var.h: machine-dependent interfaces used by MI code.
 */
#ifndef _MACHINE_MD_VAR_H_
#define _MACHINE_MD_VAR_H_

#include <sys/types.h>

struct globaldata;
struct thread;

extern char	kernel_cmdline[512];
extern uint64_t	tsc_freq;		/* [I] TSC ticks per second */
extern uint64_t	boot_tsc;		/* [I] TSC at boot */

extern vm_paddr_t initrd_pa;		/* [I] boot module (cpio), 0 if none */
extern size_t	initrd_size;		/* [I] */
extern uint64_t	physmem_total;		/* [I] bytes of RAM reported */
extern uint64_t	acpi_rsdp_pa;		/* [I] from the PVH start info */

struct globaldata *md_globaldata_alloc(int cpu);
void	gdt_idt_init_cpu(struct globaldata *gd);
void	md_set_kstack(struct globaldata *gd, uint64_t rsp0);
void	lapic_init(void);		/* BSP: find and enable */
void	lapic_init_ap(void);
void	lapic_eoi(void);
uint32_t lapic_id(void);
void	lapic_ipi(uint32_t apicid, int vector);
void	lapic_ipi_nmi(uint32_t apicid);
void	lapic_timer_start(int rate);
void	ioapic_route(int irq, int vector, uint32_t apicid);
void	mp_start_aps(void);
void	cpu_switch(struct thread *from, struct thread *to);
void	cpu_thread_start(void);		/* swtch.S: first run of a thread */
void	cpu_thread_init_stack(struct thread *td);
void	cpu_stop_others(void);
void	cpu_stopped(void) __dead2;
void	db_backtrace(uint64_t rbp, uint64_t rip);
const char *ksym_lookup(uint64_t addr, uint64_t *offp);
uint64_t nanouptime(void);		/* ns since boot, TSC based */
void	clock_init(void);		/* calibrate the TSC */
void	DELAY(uint64_t usec);

#endif
