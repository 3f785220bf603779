/* c.heap-buffer-overflow, direct, bad: malloc(10) gets ten bytes, not
 * ten ints, and the ten default weights are copied into it. */
#include <stdlib.h>
#include <string.h>

int *default_weights(void)
{
	static const int defaults[10] = { 1, 1, 2, 3, 5, 8, 13, 21, 34, 55 };
	int *data = malloc(10);

	if (data == NULL)
		return NULL;
	memcpy(data, defaults, 10 * sizeof(int)); /* BH-EXPECT: c.heap-buffer-overflow */
	return data;
}
