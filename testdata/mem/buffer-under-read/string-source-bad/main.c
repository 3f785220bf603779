/* c.buffer-under-read, string-source, bad: the copy starts reading eight
 * bytes before the buffer that holds the string. */
#include <stdio.h>
#include <string.h>

void show_tail(void)
{
	char text[100];
	char shown[200];
	char *from;

	memset(text, 'A', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	from = text - 8;
	strcpy(shown, from); /* BH-EXPECT: c.buffer-under-read */
	puts(shown);
}
