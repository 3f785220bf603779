/* c.command-injection, two-programs-callback, bad: the build context holds
 * two programs, agent/ and server/, each storing its own callback in a
 * `struct handler`'s `run`. The agent calls its handler with a fixed text. */
#include "handler.h"

int main(void)
{
	struct handler h;

	handler_init(&h);
	h.run("agent started");
	return 0;
}
