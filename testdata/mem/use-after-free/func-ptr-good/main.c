/* c.use-after-free, func-ptr, good: the buffer is read, then released
 * through a function pointer whose target is free. */
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
	for (i = 0; i < n; i++)
		sum += (unsigned char)copy[i];
	release(copy);
	return sum & 0xff;
}
