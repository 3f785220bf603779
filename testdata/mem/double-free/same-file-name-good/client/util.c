/* c.double-free, same-file-name, good: this file's static release() only
 * clears the buffer, so freeing it afterwards is the one release. The
 * other util.c's release() (which frees) is not this one. */
#include <stdlib.h>
#include <string.h>

static void release(char *p)
{
	memset(p, 0, 16);
}

void client_run(void)
{
	char *p = malloc(16);
	if (!p)
		return;
	release(p);
	free(p);
}
