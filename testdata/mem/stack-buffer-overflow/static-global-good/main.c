/* c.stack-buffer-overflow, static-global, good: the local buffer is
 * sized by the same 64-byte limit strncpy is given. */
#include <stdio.h>
#include <string.h>

#define MAX_NAME_LEN 64
static const size_t MAX_NAME = MAX_NAME_LEN;

int set_hostname(const char *requested)
{
	char name[MAX_NAME_LEN];

	strncpy(name, requested, MAX_NAME);
	name[sizeof(name) - 1] = '\0';
	return printf("hostname: %s\n", name);
}
