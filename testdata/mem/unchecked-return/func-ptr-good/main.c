/* c.unchecked-return, func-ptr, good: the result of setegid(), called
 * through a function pointer, is tested. */
#include <stdio.h>
#include <unistd.h>

int run_as_group(gid_t gid, void (*job)(void))
{
	int (*change_group)(gid_t) = setegid;

	if (change_group(gid) != 0)
		return -1;
	job();
	return 0;
}
