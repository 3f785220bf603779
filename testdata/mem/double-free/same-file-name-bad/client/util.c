/* c.double-free, same-file-name, bad: this file's static release() frees
 * the buffer, and the caller frees it again. (The other util.c's
 * release(), which only clears, is not this one.) */
#include <stdlib.h>

static void release(char *p)
{
	free(p);
}

void client_run(void)
{
	char *p = malloc(16);
	if (!p)
		return;
	release(p);
	free(p); /* BH-EXPECT: c.double-free */
}
