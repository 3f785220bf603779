/* c.stack-address-escape, direct, bad: the formatted address is a local
 * array whose address is stored through the out parameter. */
#include <stdio.h>

int peer_name(unsigned ip, unsigned short port, const char **out)
{
	char buf[32];
	int n;

	n = snprintf(buf, sizeof buf, "%u.%u.%u.%u:%u", ip >> 24, (ip >> 16) & 255,
		     (ip >> 8) & 255, ip & 255, port);
	if (n < 0)
		return -1;
	*out = buf; /* BH-EXPECT: c.stack-address-escape */
	return 0;
}
