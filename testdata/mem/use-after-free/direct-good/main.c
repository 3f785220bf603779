/* c.use-after-free, direct, good: the first byte is read before the copy
 * is released. */
#include <stdlib.h>
#include <string.h>

int request_method(const char *req, size_t n)
{
	char *line = malloc(n + 1);
	int method;

	if (!line)
		return -1;
	memcpy(line, req, n);
	line[n] = '\0';
	method = line[0];
	free(line);
	return method == 'G' ? 1 : 0;
}
