/* c.free-offset, error-path, good: both the success path and the
 * parse-error label free the start of the buffer. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int parse_version(const char *s, int *major)
{
	char *buf = strdup(s), *p;

	if (buf == NULL)
		return -1;
	p = buf;
	if (strncmp(p, "HTTP/", 5) != 0)
		goto fail;
	p += 5;
	if (!isdigit((unsigned char)*p))
		goto fail;
	*major = *p - '0';
	free(buf);
	return 0;
fail:
	free(buf);
	return -1;
}
