/* c.use-after-free, func-ptr, bad: the buffer is released through a
 * function pointer whose target is free, then read. */
#include <stdlib.h>
#include <string.h>

int checksum_line(const char *s)
{
	void (*release)(void *) = free;
	char *copy = strdup(s);
	int sum = 0;
	size_t i, n;

	if (copy == NULL)
		return -1;
	n = strlen(copy);
	release(copy);
	for (i = 0; i < n; i++)
		sum += (unsigned char)copy[i]; /* BH-EXPECT: c.use-after-free */
	return sum & 0xff;
}
