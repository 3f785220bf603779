/* c.stack-address-escape, direct, good: the caller provides the buffer the
 * address is formatted into. */
#include <stddef.h>
#include <stdio.h>

int peer_name(unsigned ip, unsigned short port, char *out, size_t cap)
{
	int n;

	n = snprintf(out, cap, "%u.%u.%u.%u:%u", ip >> 24, (ip >> 16) & 255,
		     (ip >> 8) & 255, ip & 255, port);
	if (n < 0 || (size_t)n >= cap)
		return -1;
	return 0;
}
