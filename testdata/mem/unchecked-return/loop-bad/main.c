/* c.unchecked-return, loop, bad: each message header is read without
 * looking at how many bytes came, and its length field is then trusted. */
#include <stdint.h>
#include <unistd.h>

struct msg_header {
	uint32_t type;
	uint32_t len;
};

long total_payload(int fd)
{
	struct msg_header hdr;
	long total = 0;

	for (;;) {
		read(fd, &hdr, sizeof(hdr)); /* BH-EXPECT: c.unchecked-return */
		if (hdr.len == 0)
			break;
		total += hdr.len;
	}
	return total;
}
