/* c.buffer-overflow, local-copy, bad: the peer member holds 16 bytes (an
 * IPv4 address), but snprintf() through the copied pointer is told it
 * holds INET6_ADDRSTRLEN (46). */
#include <stdio.h>

#define INET6_ADDRSTRLEN 46

struct conn {
	int fd;
	char peer[16];
};

void conn_set_peer(struct conn *c, const char *addr)
{
	char *dst = c->peer;

	snprintf(dst, INET6_ADDRSTRLEN, "%s", addr); /* BH-EXPECT: c.buffer-overflow */
}
