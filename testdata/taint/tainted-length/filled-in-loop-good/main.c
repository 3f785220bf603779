/* c.tainted-length, filled-in-loop, good: the line read byte by byte
 * through a moving pointer is split at its colon, and a key that does not
 * fit the 16-byte buffer is refused before it is copied. */
#include <string.h>
#include <unistd.h>

static long read_line(int fd, char *ptr, long size)
{
	long nread = 0;
	size--;
	while (size) {
		char c;
		if (read(fd, &c, 1) != 1)
			return -1;
		if (c == '\n')
			break;
		*ptr++ = c;
		nread++;
		size--;
	}
	*ptr = '\0';
	return nread;
}

int main(void)
{
	char line[128], key[16];
	if (read_line(0, line, sizeof line) < 0)
		return 1;
	char *colon = strchr(line, ':');
	if (!colon)
		return 1;
	size_t n = (size_t)(colon - line);
	if (n >= sizeof key)
		return 1;
	memcpy(key, line, n);
	key[n] = '\0';
	return key[0];
}
