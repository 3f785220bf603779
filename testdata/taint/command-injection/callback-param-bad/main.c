/* c.command-injection, callback-param, bad: a line read from stdin is
 * handed to a helper together with a callback; the helper calls the
 * callback through its parameter, and the callback runs the line. */
#include <stdio.h>
#include <stdlib.h>

typedef int (*line_handler)(const char *line);

static int run_line(const char *line)
{
	return system(line); /* BH-EXPECT: c.command-injection */
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
	for_line(print_line, "ready");
	return for_line(run_line, buf);
}
