/* c.buffer-overflow, static-global, bad: the function-local static
 * buffer has 32 bytes, but snprintf() is told it has 64, and a long
 * volume name fills them. */
#include <stdio.h>

const char *describe_volume(const char *name, unsigned long long bytes)
{
	static char buf[32];

	if (bytes >= 1024ULL * 1024 * 1024)
		snprintf(buf, 64, "%s: %.1f GiB", name, bytes / (1024.0 * 1024 * 1024)); /* BH-EXPECT: c.buffer-overflow */
	else
		snprintf(buf, sizeof(buf), "%s: %llu bytes", name, bytes);
	return buf;
}
