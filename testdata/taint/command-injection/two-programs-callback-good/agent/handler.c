/* c.command-injection, two-programs-callback, good: the agent's handler
 * hands its argument to the shell. */
#include <stdlib.h>
#include "handler.h"

static void run(const char *arg)
{
	system(arg);
}

void handler_init(struct handler *h)
{
	h->run = run;
}
