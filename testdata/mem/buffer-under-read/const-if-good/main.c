/* c.buffer-under-read, const-if, good: STATIC_CONST_FIVE is 5, so the
 * pointer before the buffer is on the infeasible branch. */
#include <stdio.h>
#include <string.h>

static const int STATIC_CONST_FIVE = 5;

int show_motd(void)
{
	char buf[100];
	char dest[50];
	char *data;

	memset(buf, 'A', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	if (STATIC_CONST_FIVE != 5)
		data = buf - 8;
	else
		data = buf;
	memmove(dest, data, sizeof(dest) - 1);
	dest[sizeof(dest) - 1] = '\0';
	return puts(dest);
}
