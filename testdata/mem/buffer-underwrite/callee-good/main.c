/* c.buffer-underwrite, callee, good: the message is placed after room
 * for the length, which put_len_prefix() writes at the buffer's start. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static void put_len_prefix(unsigned char *at, uint32_t len)
{
	uint32_t be = htonl(len);

	memcpy(at, &be, sizeof(be));
}

int send_hello(int fd)
{
	unsigned char buf[64];
	unsigned char *msg = buf + 4;
	size_t n = sizeof("HELLO 1.0") - 1;

	memcpy(msg, "HELLO 1.0", n);
	put_len_prefix(msg - 4, (uint32_t)n);
	return write(fd, buf, n + 4) < 0 ? -1 : 0;
}
