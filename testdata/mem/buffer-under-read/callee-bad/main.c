/* c.buffer-under-read, callee, bad: the payload pointer is the start of
 * the packet, so checksum() is handed a pointer 4 bytes before the
 * buffer and reads there. */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

static uint16_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += p[i]; /* BH-EXPECT: c.buffer-under-read */
	return (uint16_t)(sum ^ (sum >> 16));
}

int header_sum(int fd)
{
	unsigned char pkt[64];
	unsigned char *payload = pkt;

	if (read(fd, pkt, sizeof(pkt)) != (ssize_t)sizeof(pkt))
		return -1;
	return checksum(payload - 4, 4);
}
