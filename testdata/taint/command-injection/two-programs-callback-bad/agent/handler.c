/* c.command-injection, two-programs-callback, bad: the agent's handler
 * prints its argument. */
#include <stdio.h>
#include "handler.h"

static void run(const char *arg)
{
	puts(arg);
}

void handler_init(struct handler *h)
{
	h->run = run;
}
