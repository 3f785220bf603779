/* c.command-injection, two-programs-callback, good: the server's handler
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
