/* c.buffer-underwrite, callee, bad: the message starts at the beginning
 * of the buffer, so put_len_prefix() writes the 4-byte length 4 bytes
 * before it. */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static void put_len_prefix(unsigned char *at, uint32_t len)
{
	uint32_t be = htonl(len);

	memcpy(at, &be, sizeof(be)); /* BH-EXPECT: c.buffer-underwrite */
}

int send_hello(int fd)
{
	unsigned char buf[64];
	unsigned char *msg = buf;
	size_t n = sizeof("HELLO 1.0") - 1;

	memcpy(msg, "HELLO 1.0", n);
	put_len_prefix(msg - 4, (uint32_t)n);
	return write(fd, buf, n) < 0 ? -1 : 0;
}
