/* c.stack-buffer-overflow, local-copy, bad: the ten-digit version string
 * fills the ten-byte buffer, so strcpy through the copied pointer writes
 * its terminating NUL one byte past the end. */
#include <stdio.h>
#include <string.h>

int print_build_id(void)
{
	char id[10];
	char *dst = id;

	strcpy(dst, "2024061101"); /* BH-EXPECT: c.stack-buffer-overflow */
	return printf("build %s\n", id);
}
