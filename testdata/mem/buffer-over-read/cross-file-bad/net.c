/* net.c: sends n bytes of buf; trusts n. */
#include <unistd.h>
#include "net.h"

int send_reply(int fd, const char *buf, size_t n)
{
	return write(fd, buf, n) == (ssize_t)n ? 0 : -1; /* BH-EXPECT: c.buffer-over-read */
}
