/* c.stack-address-escape, const-if, bad: USE_STATIC is 0, so the result
 * buffer is the local array, and its address is returned. */
#include <stdio.h>

#define USE_STATIC 0

static char static_buf[64];

const char *format_size(unsigned long bytes)
{
	char local_buf[64];
	char *out;

	if (USE_STATIC)
		out = static_buf;
	else
		out = local_buf;
	if (bytes >= 1024UL * 1024UL)
		snprintf(out, 64, "%luM", bytes >> 20);
	else
		snprintf(out, 64, "%luK", bytes >> 10);
	return out; /* BH-EXPECT: c.stack-address-escape */
}
