/* c.unchecked-return, loop, good: the loop stops unless a whole header
 * was read. */
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
		if (read(fd, &hdr, sizeof(hdr)) != (ssize_t)sizeof(hdr))
			break;
		if (hdr.len == 0)
			break;
		total += hdr.len;
	}
	return total;
}
