/* c.format-string, local-copy, bad: an environment variable, copied to a
 * local, is fprintf's format. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *data = getenv("MOTD");
	if (data == NULL)
		return 0;
	const char *msg = data;
	fprintf(stderr, msg); /* BH-EXPECT: c.format-string */
	return 0;
}
