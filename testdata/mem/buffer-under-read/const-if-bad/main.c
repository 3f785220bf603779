/* c.buffer-under-read, const-if, bad: STATIC_CONST_FIVE is 5, so the
 * source pointer is 8 bytes before the buffer when memmove() reads it. */
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
	if (STATIC_CONST_FIVE == 5)
		data = buf - 8;
	else
		data = buf;
	memmove(dest, data, sizeof(dest) - 1); /* BH-EXPECT: c.buffer-under-read */
	dest[sizeof(dest) - 1] = '\0';
	return puts(dest);
}
