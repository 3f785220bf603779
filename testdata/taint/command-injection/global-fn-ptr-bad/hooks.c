/* c.command-injection, global-fn-ptr, bad: the hook is initialised with a
 * function that hands its argument to the shell. */
#include <stdlib.h>

static void run_line(const char *line)
{
	system(line); /* BH-EXPECT: c.command-injection */
}

void (*on_line)(const char *line) = run_line;
