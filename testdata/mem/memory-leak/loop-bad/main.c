/* c.memory-leak, loop, bad: each iteration allocates a new record buffer
 * over the previous one without freeing it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int write_records(int fd, const char *const *recs, int n)
{
	char *buf = NULL;
	size_t len;
	int i;

	for (i = 0; i < n; i++) {
		len = strlen(recs[i]);
		buf = malloc(len + 1); /* BH-EXPECT: c.memory-leak */
		if (buf == NULL)
			break;
		memcpy(buf, recs[i], len);
		buf[len] = '\n';
		if (write(fd, buf, len + 1) < 0)
			break;
	}
	free(buf);
	return i;
}
