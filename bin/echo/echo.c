/*
 * echo: write the arguments, separated by spaces, and a newline.
 *
 *	echo [-n] [string ...]
 *
 * -n leaves out the trailing newline.  No backslash escapes are
 * interpreted.  Exit status 0, or 1 if writing failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	int i, nflag = 0;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nflag = 1;
		argv++;
		argc--;
	}
	for (i = 1; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (!nflag)
		putchar('\n');
	if (fflush(stdout) != 0)
		return (1);
	return (0);
}
