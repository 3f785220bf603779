/* c.tainted-length, helper-return, good: the number returned by the helper is
 * checked against the room left in the buffer before strncat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int get_input(void)
{
	char line[32];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	return atoi(line);
}

int main(void)
{
	char path[64] = "/srv/www/";
	char pad[256];
	int n = get_input();

	memset(pad, '.', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	if (n < 0 || (size_t)n >= sizeof path - strlen(path))
		return 2;
	strncat(path, pad, (size_t)n);
	puts(path);
	return 0;
}
