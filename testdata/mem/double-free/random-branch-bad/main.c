/* c.double-free, random-branch, bad: a fault injector drops the request
 * buffer early on a random half of the calls, and a second, independent
 * coin flip frees it again. Two blocks meet in `req`, so only the path
 * through both flips shows the second free. */
#include <stdlib.h>
#include <string.h>

static int coin(void)
{
	return rand() % 2;
}

void inject_faults(const char *payload)
{
	char *req;
	if (coin()) {
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
	if (coin())
		free(req); /* BH-EXPECT: c.double-free */
}
