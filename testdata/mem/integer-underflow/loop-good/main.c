/* c.integer-underflow, loop, good: each record starts with a length byte
 * that counts itself and a type byte; the loop checks it with `len == EOF || len < 2` and
 * reads len - 2 bytes of data. */
#include <stdio.h>

int read_records(FILE *f, int count)
{
	unsigned char data[256];

	for (int i = 0; i < count; i++) {
		int len = getc(f);
		if (len == EOF || len < 2)
			return -1;
		if (fread(data, 1, len - 2, f) == 0)
			return -1;
	}
	return 0;
}
