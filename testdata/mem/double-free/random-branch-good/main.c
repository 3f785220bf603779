/* c.double-free, random-branch, good: the second free tests the same
 * remembered flip as the first, so a request freed early is never freed
 * again. */
#include <stdlib.h>
#include <string.h>

static int coin(void)
{
	return rand() % 2;
}

void inject_faults(const char *payload)
{
	char *req;
	int dropped = coin();
	if (dropped) {
		req = malloc(64);
		if (req == NULL)
			exit(1);
		strncpy(req, payload, 63);
		free(req); /* simulate a dropped request */
	} else {
		req = malloc(128);
		if (req == NULL)
			exit(1);
		strncpy(req, payload, 127);
	}
	if (!dropped)
		free(req);
}
