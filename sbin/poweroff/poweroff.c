/*
 * poweroff: power the machine off.
 *
 *	poweroff
 *
 * Calls reboot(RB_HALT | RB_POWEROFF); under QEMU the kernel then ends the
 * VM with status 0 (tools/vmrun exits 0).  Only returns, with status 1 and
 * a message, if the kernel refuses.
 */
#include <sys/reboot.h>

#include <stdio.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: poweroff\n");
		return (1);
	}
	fflush(stdout);
	reboot(RB_HALT | RB_POWEROFF);
	perror("poweroff: reboot");
	return (1);
}
