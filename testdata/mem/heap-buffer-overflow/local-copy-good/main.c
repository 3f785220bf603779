/* c.heap-buffer-overflow, local-copy, good: the copy has room for the
 * terminating NUL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int announce(void)
{
	const char *motd = "maintenance window at 02:00 UTC";
	char *copy = malloc(strlen(motd) + 1);
	char *dst;
	int rc;

	if (copy == NULL)
		return -1;
	dst = copy;
	strcpy(dst, motd);
	rc = puts(copy);
	free(copy);
	return rc;
}
