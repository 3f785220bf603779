/* c.free-non-heap, helper-return, good: fmt_addr() returns a heap copy,
 * which the caller frees. */
#include <stdio.h>
#include <stdlib.h>

static char *fmt_addr(unsigned ip, unsigned short port)
{
	char *buf = malloc(32);

	if (buf != NULL)
		snprintf(buf, 32, "%u.%u.%u.%u:%u", ip >> 24, (ip >> 16) & 255,
			 (ip >> 8) & 255, ip & 255, port);
	return buf;
}

void log_peer(FILE *out, unsigned ip, unsigned short port)
{
	char *a = fmt_addr(ip, port);

	if (a == NULL)
		return;
	fprintf(out, "peer %s\n", a);
	free(a);
}
