/* c.integer-overflow, local-copy, good: the wire length is limited to 1 MiB
 * first, so len + 8 cannot wrap. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct frame { uint32_t len_be; unsigned char data[]; };

unsigned char *copy_frame(const struct frame *fr)
{
	uint32_t len = ntohl(fr->len_be);
	if (len > (1u << 20))
		return NULL;
	uint32_t total = len + 8;
	uint32_t size = total;
	unsigned char *out = malloc(size);

	if (out == NULL)
		return NULL;
	memcpy(out, fr, 8);
	return out;
}
