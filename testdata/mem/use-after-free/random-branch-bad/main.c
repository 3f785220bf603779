/* c.use-after-free, random-branch, bad: a chaos test releases the reply
 * on a random half of the calls and logs it on another, independent
 * random half. */
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
	if (coin()) {
		reply = strdup(text);
		if (reply == NULL)
			exit(1);
		free(reply); /* chaos: lose the reply */
	} else {
		reply = strdup(text);
		if (reply == NULL)
			exit(1);
	}
	if (coin())
		puts(reply); /* BH-EXPECT: c.use-after-free */
}
