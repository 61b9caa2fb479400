/*
 * kern/subr_ktest.c: the in-kernel self-test runner.
 *
 * Selected on the kernel command line:
 *   ktest=list    print "KTEST CASE <name> expect=<pass|panic> timeout=<s>"
 *                 for every compiled-in case, then exit the VM (status 0)
 *   ktest=<name>  run that case in the init thread on CPU 0 and exit the VM
 *                 with 0 (pass) or 1 (fail), after printing
 *                 "KTEST PASS <name>" or "KTEST FAIL <name>: <reason>"
 *
 * After the case and its helper threads end, the runner checks that every
 * kmalloc type and object cache is back to its starting in-use count
 * (kmalloc_leakcheck); a difference fails the case.  Exited threads are
 * freed asynchronously by their CPU, so the check is retried for up to a
 * second before it is believed.
 *
 * Cases that expect a panic (KTEST_EXPECT_PANIC) are judged in panic():
 * ktest_panic_hook() reports a pass when the message matches.
 */
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/globaldata.h>
#include <sys/thread.h>
#include <sys/ktest.h>
#include <sys/malloc.h>
#include <sys/spinlock.h>
#include <machine/atomic.h>

SET_DECLARE(set_ktest, const struct ktest);

static const struct ktest *ktest_current;	/* [I] while running */
static struct spinlock ktest_lock = SPINLOCK_INITIALIZER("ktest",
    SPINRANK_PORT - 1);
static int ktest_nfail;				/* [ktest_lock] */
static char ktest_reason[256];			/* [ktest_lock] */
static int ktest_helpers;			/* [ktest_lock] */

struct ktest_helper {
	void	(*fn)(void *);
	void	*arg;
};

void
ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	spin_lock(&ktest_lock);
	if (ktest_nfail++ == 0)
		ksnprintf(ktest_reason, sizeof(ktest_reason), "%s:%d: %s",
		    file, line, msg);
	spin_unlock(&ktest_lock);
	kprintf("KTEST NOTE failure at %s:%d: %s\n", file, line, msg);
}

int
ktest_failed(void)
{
	return (atomic_load_int(&ktest_nfail) != 0);
}

static void
ktest_helper_main(void *arg)
{
	struct ktest_helper h = *(struct ktest_helper *)arg;

	kfree(arg, M_TEMP);
	h.fn(h.arg);
	spin_lock(&ktest_lock);
	ktest_helpers--;
	spin_unlock(&ktest_lock);
	wakeup(&ktest_helpers);
}

void
ktest_spawn(void (*fn)(void *), void *arg, int cpu, const char *name)
{
	struct ktest_helper *h = kmalloc(sizeof(*h), M_TEMP, M_WAITOK);

	h->fn = fn;
	h->arg = arg;
	spin_lock(&ktest_lock);
	ktest_helpers++;
	spin_unlock(&ktest_lock);
	lwkt_create(ktest_helper_main, h, NULL, cpu, TDPRI_KERN, "%s", name);
}

void
ktest_join(void)
{
	spin_lock(&ktest_lock);
	while (ktest_helpers > 0)
		ssleep(&ktest_helpers, &ktest_lock, 0, "ktjoin", hz);
	spin_unlock(&ktest_lock);
}

int	ktest_panic_hook(const char *msg);
int
ktest_panic_hook(const char *msg)
{
	const struct ktest *kt = ktest_current;

	if (kt == NULL)
		return (0);
	if (kt->kt_panic_match != NULL && strstr(msg, kt->kt_panic_match)) {
		kprintf("KTEST PASS %s (expected panic)\n", kt->kt_name);
		return (1);
	}
	kprintf("KTEST FAIL %s: panic: %s\n", kt->kt_name, msg);
	return (0);
}

static void
ktest_list(void)
{
	const struct ktest *const *ktp;

	SET_FOREACH(ktp, set_ktest) {
		kprintf("KTEST CASE %s expect=%s timeout=%d\n", (*ktp)->kt_name,
		    (*ktp)->kt_panic_match != NULL ? "panic" : "pass",
		    (*ktp)->kt_timeout);
	}
}

static const struct ktest *
ktest_find(const char *name)
{
	const struct ktest *const *ktp;

	SET_FOREACH(ktp, set_ktest)
		if (strcmp((*ktp)->kt_name, name) == 0)
			return (*ktp);
	return (NULL);
}

/* Leak check, retried while exited threads are still being freed. */
static int
ktest_leakcheck(struct kmalloc_snapshot *snap, char *why, size_t len)
{
	int diffs = 0;

	for (int tries = 0; tries < 20; tries++) {
		diffs = kmalloc_leakcheck(snap, why, len);
		if (diffs == 0)
			break;
		tsleep(&ktest_leakcheck, 0, "ktleak", hz / 20 + 1);
	}
	return (diffs);
}

static void __dead2
ktest_run(const char *name)
{
	const struct ktest *kt = ktest_find(name);
	struct kmalloc_snapshot *snap;
	char why[256];

	if (kt == NULL) {
		kprintf("KTEST FAIL %s: no such case\n", name);
		vm_exit(VMEXIT_FAILURE);
	}
	snap = kmalloc_snapshot_take();
	kprintf("KTEST START %s\n", kt->kt_name);
	ktest_current = kt;
	kt->kt_func();
	ktest_join();
	if (kt->kt_panic_match != NULL && !ktest_failed())
		ktest_fail(kt->kt_file, 0, "expected a panic matching \"%s\"",
		    kt->kt_panic_match);
	if (!ktest_failed() && ktest_leakcheck(snap, why, sizeof(why)) != 0)
		ktest_fail(kt->kt_file, 0, "%s", why);
	kmalloc_snapshot_free(snap);
	if (ktest_failed()) {
		kprintf("KTEST FAIL %s: %s\n", kt->kt_name, ktest_reason);
		vm_exit(VMEXIT_FAILURE);
	}
	kprintf("KTEST PASS %s\n", kt->kt_name);
	vm_exit(VMEXIT_SUCCESS);
}

void
ktest_run_from_cmdline(void)
{
	const char *v = kenv_get("ktest");
	char name[64];

	if (v == NULL)
		return;
	strlcpy(name, v, sizeof(name));
	if (strcmp(name, "list") == 0) {
		ktest_list();
		vm_exit(VMEXIT_SUCCESS);
	}
	ktest_run(name);
}
