/* c.tainted-length, helper-return, bad: a helper returns a number parsed with
 * atoi from a line of stdin, and strncat appends that many bytes. */
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

	strncat(path, pad, (size_t)n); /* BH-EXPECT: c.tainted-length, c.stack-buffer-overflow */
	puts(path);
	return 0;
}
