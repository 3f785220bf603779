/* c.integer-underflow, helper-return, good: read_len() returns a 16-bit
 * length from the socket; the caller checks it with `len < 4 || len > 1024` and copies
 * len - 4 bytes, an int that read() takes as a size_t. */
#include <arpa/inet.h>
#include <stdint.h>
#include <unistd.h>

static int read_len(int fd)
{
	uint16_t be;

	if (read(fd, &be, sizeof be) != sizeof be)
		return -1;
	return ntohs(be);
}

int recv_body(int fd, unsigned char *body)
{
	int len = read_len(fd);

	if (len < 4 || len > 1024)
		return -1;
	return (int)read(fd, body, len - 4);
}
