/* c.buffer-overflow, local-copy, good: the peer member is large enough
 * for an IPv6 address, the size snprintf() is given. */
#include <stdio.h>

#define INET6_ADDRSTRLEN 46

struct conn {
	int fd;
	char peer[INET6_ADDRSTRLEN];
};

void conn_set_peer(struct conn *c, const char *addr)
{
	char *dst = c->peer;

	snprintf(dst, INET6_ADDRSTRLEN, "%s", addr);
}
