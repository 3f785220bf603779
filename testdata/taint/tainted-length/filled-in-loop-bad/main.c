/* c.tainted-length, filled-in-loop, bad: a helper reads a line byte by
 * byte through a pointer it moves (`*ptr++ = c`); the key before the
 * colon is copied into a 16-byte buffer by its length, which the input
 * chooses (up to 127). */
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
	memcpy(key, line, colon - line); /* BH-EXPECT: c.tainted-length */
	key[colon - line] = '\0'; /* BH-EXPECT: c.tainted-index */
	return key[0];
}
