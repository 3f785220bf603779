/* c.command-injection, callback-param, good: the same helper calls
 * two callbacks; the one that runs commands only ever gets a constant,
 * and the line read from stdin only goes to the one that prints. */
#include <stdio.h>
#include <stdlib.h>

typedef int (*line_handler)(const char *line);

static int run_line(const char *line)
{
	return system(line);
}

static int print_line(const char *line)
{
	return printf("%s\n", line);
}

/* Calls `handle` on `line`, through a local copy of the pointer. */
static int for_line(line_handler handle, const char *line)
{
	line_handler h = handle;

	return h(line);
}

int main(void)
{
	char buf[256];

	if (fgets(buf, sizeof buf, stdin) == NULL)
		return 1;
	for_line(run_line, "uptime");
	return for_line(print_line, buf);
}
