/* c.integer-underflow, direct, bad: the packet length from the header is
 * checked with `len < 2`; the body after the 4-byte header is len - 4, an int
 * that memcpy() takes as a size_t. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

int parse_packet(const unsigned char *pkt, unsigned char *body)
{
	uint16_t len_be;

	memcpy(&len_be, pkt, sizeof len_be);
	uint16_t len = ntohs(len_be);
	if (len < 2)
		return -1;
	memcpy(body, pkt + 4, len - 4); /* BH-EXPECT: c.integer-underflow */
	return 0;
}
