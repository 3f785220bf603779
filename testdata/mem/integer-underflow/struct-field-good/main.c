/* c.integer-underflow, struct-field, good: the message size from the wire
 * is kept in a header struct and checked with `hdr.size < 12`; the body size
 * after the 12-byte header is computed into another field in uint32_t. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

struct header {
	uint32_t size;
	uint32_t body;
};

int unpack(const unsigned char *msg, unsigned char *body)
{
	struct header hdr;
	uint32_t size_be;

	memcpy(&size_be, msg, 4);
	hdr.size = ntohl(size_be);
	if (hdr.size < 12)
		return -1;
	hdr.body = hdr.size - 12;
	memcpy(body, msg + 12, hdr.body);
	return 0;
}
