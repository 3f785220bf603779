/* c.memory-leak, callee, bad: log_event() only reads the message; nobody
 * takes ownership of it, so it leaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void log_event(const char *msg)
{
	fprintf(stderr, "event: %s\n", msg);
}

int on_disconnect(const char *peer)
{
	size_t n = strlen(peer) + 16;
	char *msg = malloc(n);

	if (msg == NULL)
		return -1;
	snprintf(msg, n, "bye %s", peer);
	log_event(msg);
	return 0; /* BH-EXPECT: c.memory-leak */
}
