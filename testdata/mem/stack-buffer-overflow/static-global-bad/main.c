/* c.stack-buffer-overflow, static-global, bad: the name limit in the
 * static const is 64 but the local buffer holds only 32 bytes, and
 * strncpy pads up to the limit. */
#include <stdio.h>
#include <string.h>

static const size_t MAX_NAME = 64;

int set_hostname(const char *requested)
{
	char name[32];

	strncpy(name, requested, MAX_NAME); /* BH-EXPECT: c.stack-buffer-overflow */
	name[sizeof(name) - 1] = '\0';
	return printf("hostname: %s\n", name);
}
