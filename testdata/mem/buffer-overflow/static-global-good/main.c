/* c.buffer-overflow, static-global, good: both branches pass the static
 * buffer's real size, so a long volume name is truncated. */
#include <stdio.h>

const char *describe_volume(const char *name, unsigned long long bytes)
{
	static char buf[32];

	if (bytes >= 1024ULL * 1024 * 1024)
		snprintf(buf, sizeof(buf), "%s: %.1f GiB", name, bytes / (1024.0 * 1024 * 1024));
	else
		snprintf(buf, sizeof(buf), "%s: %llu bytes", name, bytes);
	return buf;
}
