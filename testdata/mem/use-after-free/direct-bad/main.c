/* c.use-after-free, direct, bad: the request line copy is released and
 * then its first byte is read to pick the method. */
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
	free(line);
	method = line[0]; /* BH-EXPECT: c.use-after-free */
	return method == 'G' ? 1 : 0;
}
