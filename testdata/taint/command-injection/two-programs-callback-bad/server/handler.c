/* c.command-injection, two-programs-callback, bad: the server's handler
 * hands its argument to the shell. */
#include <stdlib.h>
#include "handler.h"

static void run(const char *arg)
{
	system(arg); /* BH-EXPECT: c.command-injection */
}

void handler_init(struct handler *h)
{
	h->run = run;
}
