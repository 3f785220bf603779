/* c.command-injection, two-programs-callback, good: a line read from stdin
 * goes to the server's handler, which prints it. */
#include <stdio.h>
#include "handler.h"

int main(void)
{
	struct handler h;
	char line[256];

	handler_init(&h);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	h.run(line);
	return 0;
}
