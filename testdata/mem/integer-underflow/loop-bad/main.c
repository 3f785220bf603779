/* c.integer-underflow, loop, bad: each record starts with a length byte
 * that counts itself and a type byte; the loop checks it with `len == EOF` and
 * reads len - 2 bytes of data. */
#include <stdio.h>

int read_records(FILE *f, int count)
{
	unsigned char data[256];

	for (int i = 0; i < count; i++) {
		int len = getc(f);
		if (len == EOF)
			return -1;
		if (fread(data, 1, len - 2, f) == 0) /* BH-EXPECT: c.integer-underflow */
			return -1;
	}
	return 0;
}
