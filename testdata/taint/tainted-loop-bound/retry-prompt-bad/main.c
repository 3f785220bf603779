/* c.tainted-loop-bound, retry-prompt, bad: a number of retries is read
 * once from a line read with fgets(3) and counted down: how long the
 * loop runs is the input's to say. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[16];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	int tries = atoi(line);
	int ok = 0;
	while (tries > 0) { /* BH-EXPECT: c.tainted-loop-bound */
		ok += tries % 3 == 0;
		tries--;
	}
	return ok;
}
