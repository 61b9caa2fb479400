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


/*
 * User mode (amd64/vm_machdep.c, syscall.S, support.S; see the comment at
 * the top of vm_machdep.c for the register conventions).
 */
struct sigacts_entry;
struct __sigset;
void	fpu_init_cpu(void);		/* every CPU, at bring-up */
void	syscall_init_cpu(void);		/* every CPU, at bring-up */
void	cpu_thread_alloc(struct thread *td);	/* new user thread */
void	cpu_switch_user(struct thread *from, struct thread *to);
void	cpu_fork(struct thread *parent, struct thread *child);
void	cpu_set_upcall(struct thread *td, void (*entry)(void *), void *arg,
	    void *stack, size_t stacksize);
int	cpu_set_user_tls(struct thread *td, void *tls_base);
void	cpu_exec_setregs(struct thread *td, uint64_t entry, uint64_t stack,
	    uint64_t ps_strings);
void	cpu_enter_user(struct thread *td) __dead2;
int	cpu_sendsig(struct thread *td, int sig, const struct sigacts_entry *sa,
	    const struct __sigset *oldmask, int code, void *addr);
void	userret_final(struct thread *td);	/* kern_syscall.c; intr off */

/* Single user words; -1 on a fault (FreeBSD's fetch(9)/store(9)). */
int	fubyte(volatile const void *base);
int	subyte(volatile void *base, int byte);
int	fueword32(volatile const void *base, int32_t *val);
int	fueword64(volatile const void *base, int64_t *val);
int	suword32(volatile void *base, int32_t word);
int	suword64(volatile void *base, int64_t word);
int	casueword32(volatile uint32_t *base, uint32_t oldval,
	    uint32_t *oldvalp, uint32_t newval);	/* 0, 1: differed, -1 */

#endif
