/* c.buffer-under-read, callee, good: the payload follows the 4-byte
 * header, so the pointer checksum() gets is the packet's start. */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

static uint16_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += p[i];
	return (uint16_t)(sum ^ (sum >> 16));
}

int header_sum(int fd)
{
	unsigned char pkt[64];
	unsigned char *payload = pkt + 4;

	if (read(fd, pkt, sizeof(pkt)) != (ssize_t)sizeof(pkt))
		return -1;
	return checksum(payload - 4, 4);
}
