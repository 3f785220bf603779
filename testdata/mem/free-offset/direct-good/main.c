/* c.free-offset, direct, good: the payload pointer is separate; the block
 * is freed through its start. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int frame_first_byte(const unsigned char *wire, size_t n)
{
	unsigned char *buf = malloc(n);
	unsigned char *payload;
	int first;

	if (buf == NULL || n < 5) {
		free(buf);
		return -1;
	}
	memcpy(buf, wire, n);
	payload = buf + 4;
	first = payload[0];
	free(buf);
	return first;
}
