/* c.command-injection, global-fn-ptr, good: the hook prints the line; the
 * function that runs commands is only ever given a fixed one. */
#include <stdio.h>
#include <stdlib.h>

static void print_line(const char *line)
{
	fputs(line, stdout);
}

static void run_fixed(const char *cmd)
{
	system(cmd);
}

void (*on_line)(const char *line) = print_line;

void cleanup(void)
{
	run_fixed("rm -f /tmp/lines.lock");
}
