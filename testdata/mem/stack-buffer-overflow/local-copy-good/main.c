/* c.stack-buffer-overflow, local-copy, good: the buffer has room for the
 * ten digits and the terminating NUL. */
#include <stdio.h>
#include <string.h>

int print_build_id(void)
{
	char id[11];
	char *dst = id;

	strcpy(dst, "2024061101");
	return printf("build %s\n", id);
}
