/* c.free-non-heap, helper-return, bad: fmt_addr() formats into a static
 * buffer, and the caller frees what it returns. */
#include <stdio.h>
#include <stdlib.h>

static char *fmt_addr(unsigned ip, unsigned short port)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "%u.%u.%u.%u:%u", ip >> 24, (ip >> 16) & 255,
		 (ip >> 8) & 255, ip & 255, port);
	return buf;
}

void log_peer(FILE *out, unsigned ip, unsigned short port)
{
	char *a = fmt_addr(ip, port);

	fprintf(out, "peer %s\n", a);
	free(a); /* BH-EXPECT: c.free-non-heap */
}
