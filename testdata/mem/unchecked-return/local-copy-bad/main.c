/* c.unchecked-return, local-copy, bad: the status of chroot() is copied
 * into 'status', and neither copy is ever tested. */
#include <stdio.h>
#include <unistd.h>

int enter_jail(const char *dir)
{
	int rc, status;

	rc = chroot(dir); /* BH-EXPECT: c.unchecked-return */
	status = rc;
	if (chdir("/") != 0)
		return -1;
	fprintf(stderr, "jailed in %s\n", dir);
	return 0;
}
