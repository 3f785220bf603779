/* c.unchecked-return, helper-return, bad: switch_group() returns what
 * setgid() returned, and the caller drops it. */
#include <stdio.h>
#include <unistd.h>

static int switch_group(gid_t gid)
{
	printf("switching to group %u\n", (unsigned)gid);
	return setgid(gid);
}

void start_service(gid_t gid)
{
	switch_group(gid); /* BH-EXPECT: c.unchecked-return */
	printf("service started\n");
}
