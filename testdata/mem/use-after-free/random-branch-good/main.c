/* c.use-after-free, random-branch, good: the reply is logged only where
 * the same flip kept it, and released once at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int coin(void)
{
	return (rand() & 1) == 0;
}

void chaos_reply(const char *text)
{
	char *reply;
	int lose = coin();
	if (lose) {
		reply = strdup(text);
		if (reply == NULL)
			exit(1);
		free(reply); /* chaos: lose the reply */
	} else {
		reply = strdup(text);
		if (reply == NULL)
			exit(1);
	}
	if (!lose) {
		puts(reply);
		free(reply);
	}
}
