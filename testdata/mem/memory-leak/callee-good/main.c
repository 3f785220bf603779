/* c.memory-leak, callee, good: queue_push() stores the message in a global
 * queue, which owns it from then on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *queue[64];
static size_t queue_len;

static int queue_push(char *msg)
{
	if (queue_len == 64)
		return -1;
	queue[queue_len++] = msg;
	return 0;
}

int on_disconnect(const char *peer)
{
	size_t n = strlen(peer) + 16;
	char *msg = malloc(n);

	if (msg == NULL)
		return -1;
	snprintf(msg, n, "bye %s", peer);
	if (queue_push(msg) != 0) {
		free(msg);
		return -1;
	}
	return 0;
}
