/* c.unchecked-return, func-ptr, bad: setegid() is called through a
 * function pointer and its result is dropped. */
#include <stdio.h>
#include <unistd.h>

void run_as_group(gid_t gid, void (*job)(void))
{
	int (*change_group)(gid_t) = setegid;

	change_group(gid); /* BH-EXPECT: c.unchecked-return */
	job();
}
