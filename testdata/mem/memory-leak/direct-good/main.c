/* c.memory-leak, direct, good: the lower-cased copy is freed before the
 * result is returned. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int host_is_local(const char *host)
{
	char *h = strdup(host);
	size_t i;
	int local;

	if (h == NULL)
		return -1;
	for (i = 0; h[i] != '\0'; i++)
		h[i] = (char)tolower((unsigned char)h[i]);
	local = strcmp(h, "localhost") == 0;
	free(h);
	return local;
}
