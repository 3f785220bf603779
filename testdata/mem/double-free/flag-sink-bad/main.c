/* c.double-free, flagged sink, bad: finish() releases the payload when
 * release_payload is set; send_once() has released it already and sets
 * the flag before the call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int release_payload;

static void finish(char *payload)
{
	if (release_payload)
		free(payload); /* BH-EXPECT: c.double-free */
}

int send_once(const char *msg)
{
	char *payload = strdup(msg);

	if (payload == NULL)
		return -1;
	puts(payload);
	free(payload);
	release_payload = 1;
	finish(payload);
	return 0;
}
