/* c.double-free, flagged sink, good: finish() releases the payload when
 * release_payload is set; send_once() has released it already and clears
 * the flag before the call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int release_payload;

static void finish(char *payload)
{
	if (release_payload)
		free(payload);
}

int send_once(const char *msg)
{
	char *payload = strdup(msg);

	if (payload == NULL)
		return -1;
	puts(payload);
	free(payload);
	release_payload = 0;
	finish(payload);
	return 0;
}
