/* c.format-string, helper-return, good: the line from the helper is an
 * argument; the format comes from a helper returning a literal. */
#include <err.h>
#include <stdio.h>

static char *get_input(char *buf, int size)
{
	if (fgets(buf, size, stdin) == NULL)
		return NULL;
	return buf;
}

static const char *pick_format(void)
{
	return "%s";
}

int main(void)
{
	char buf[128];
	const char *reason = get_input(buf, sizeof buf);

	if (reason != NULL)
		err(1, pick_format(), reason);
	return 0;
}
