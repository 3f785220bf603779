/* c.format-string, local-copy, good: the copy of the environment variable
 * is an argument of a literal format. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	const char *data = getenv("MOTD");
	if (data == NULL)
		return 0;
	const char *msg = data;
	fprintf(stderr, "%s\n", msg);
	return 0;
}
