/* c.integer-truncation, loop, bad: each line gives a field width, checked
 * with `n < 0 || n > 4096` and kept in an unsigned char that sizes the field. */
#include <stdio.h>
#include <stdlib.h>

int read_fields(FILE *f, char **fields, int count)
{
	for (int i = 0; i < count; i++) {
		long n;
		if (fscanf(f, "%ld", &n) != 1 || n < 0 || n > 4096)
			return -1;
		unsigned char width = n; /* BH-EXPECT: c.integer-truncation */
		fields[i] = malloc(width);
		if (fields[i] == NULL)
			return -1;
	}
	return 0;
}
