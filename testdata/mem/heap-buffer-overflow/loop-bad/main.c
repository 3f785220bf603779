/* c.heap-buffer-overflow, loop, bad: malloc(10) gets ten bytes and the
 * loop stores ten ints into them. */
#include <stdlib.h>

int *identity_map(void)
{
	int *data = malloc(10);
	size_t i;

	if (data == NULL)
		return NULL;
	for (i = 0; i < 10; i++)
		data[i] = (int)i; /* BH-EXPECT: c.heap-buffer-overflow */
	return data;
}
