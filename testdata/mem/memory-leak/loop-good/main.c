/* c.memory-leak, loop, good: each record buffer is freed at the end of its
 * iteration. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int write_records(int fd, const char *const *recs, int n)
{
	char *buf;
	size_t len;
	ssize_t w;
	int i;

	for (i = 0; i < n; i++) {
		len = strlen(recs[i]);
		buf = malloc(len + 1);
		if (buf == NULL)
			break;
		memcpy(buf, recs[i], len);
		buf[len] = '\n';
		w = write(fd, buf, len + 1);
		free(buf);
		if (w < 0)
			break;
	}
	return i;
}
