/* c.command-injection, two-programs-callback, good: the build context
 * holds two programs, agent/ and server/, each storing its own callback in
 * a `struct handler`'s `run`. The agent's runs a command, but only the
 * fixed one the agent gives it: the server's input never reaches it. */
#include "handler.h"

int main(void)
{
	struct handler h;

	handler_init(&h);
	h.run("uptime");
	return 0;
}
