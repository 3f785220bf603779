/* c.heap-buffer-overflow, loop, good: the block is sized for ten ints. */
#include <stdlib.h>

int *identity_map(void)
{
	int *data = malloc(10 * sizeof(*data));
	size_t i;

	if (data == NULL)
		return NULL;
	for (i = 0; i < 10; i++)
		data[i] = (int)i;
	return data;
}
