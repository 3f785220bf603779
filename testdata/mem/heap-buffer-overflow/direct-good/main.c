/* c.heap-buffer-overflow, direct, good: the block is sized for ten ints. */
#include <stdlib.h>
#include <string.h>

int *default_weights(void)
{
	static const int defaults[10] = { 1, 1, 2, 3, 5, 8, 13, 21, 34, 55 };
	int *data = malloc(10 * sizeof(int));

	if (data == NULL)
		return NULL;
	memcpy(data, defaults, 10 * sizeof(int));
	return data;
}
