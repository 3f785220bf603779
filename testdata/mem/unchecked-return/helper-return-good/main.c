/* c.unchecked-return, helper-return, good: the caller tests what
 * switch_group() returns. */
#include <stdio.h>
#include <unistd.h>

static int switch_group(gid_t gid)
{
	printf("switching to group %u\n", (unsigned)gid);
	return setgid(gid);
}

int start_service(gid_t gid)
{
	if (switch_group(gid) != 0)
		return -1;
	printf("service started\n");
	return 0;
}
