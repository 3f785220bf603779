/* c.free-offset, direct, bad: the pointer is advanced past the 4-byte
 * length prefix and the advanced pointer is freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int frame_first_byte(const unsigned char *wire, size_t n)
{
	unsigned char *buf = malloc(n);
	int first;

	if (buf == NULL || n < 5) {
		free(buf);
		return -1;
	}
	memcpy(buf, wire, n);
	buf += 4;
	first = buf[0];
	free(buf); /* BH-EXPECT: c.free-offset */
	return first;
}
