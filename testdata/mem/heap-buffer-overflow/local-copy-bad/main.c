/* c.heap-buffer-overflow, local-copy, bad: the copy is allocated with
 * strlen() bytes, no room for the NUL that strcpy writes through the
 * copied pointer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int announce(void)
{
	const char *motd = "maintenance window at 02:00 UTC";
	char *copy = malloc(strlen(motd));
	char *dst;
	int rc;

	if (copy == NULL)
		return -1;
	dst = copy;
	strcpy(dst, motd); /* BH-EXPECT: c.heap-buffer-overflow */
	rc = puts(copy);
	free(copy);
	return rc;
}
