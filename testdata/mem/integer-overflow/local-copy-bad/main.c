/* c.integer-overflow, local-copy, bad: a 32-bit length from the wire is
 * only checked for 0; plus the header size it wraps in uint32_t, and the
 * copy of the sum sizes the buffer. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct frame { uint32_t len_be; unsigned char data[]; };

unsigned char *copy_frame(const struct frame *fr)
{
	uint32_t len = ntohl(fr->len_be);
	if (len == 0)
		return NULL;
	uint32_t total = len + 8; /* BH-EXPECT: c.integer-overflow */
	uint32_t size = total;
	unsigned char *out = malloc(size);

	if (out == NULL)
		return NULL;
	memcpy(out, fr, 8);
	return out;
}
