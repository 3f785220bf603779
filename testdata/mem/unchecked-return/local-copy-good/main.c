/* c.unchecked-return, local-copy, good: the copy of the chroot() status is
 * tested before the process goes on. */
#include <stdio.h>
#include <unistd.h>

int enter_jail(const char *dir)
{
	int rc, status;

	rc = chroot(dir);
	status = rc;
	if (status != 0)
		return -1;
	if (chdir("/") != 0)
		return -1;
	fprintf(stderr, "jailed in %s\n", dir);
	return 0;
}
