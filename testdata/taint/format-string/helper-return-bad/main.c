/* c.format-string, helper-return, bad: a helper returns a line from stdin
 * that becomes err's format. */
#include <err.h>
#include <stdio.h>

static char *get_input(char *buf, int size)
{
	if (fgets(buf, size, stdin) == NULL)
		return NULL;
	return buf;
}

int main(void)
{
	char buf[128];
	const char *reason = get_input(buf, sizeof buf);

	if (reason != NULL)
		err(1, reason); /* BH-EXPECT: c.format-string */
	return 0;
}
