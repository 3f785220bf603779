/* c.tainted-loop-bound, retry-prompt, good: the loop asks again until
 * the number read with fgets(3) is in range, reading it anew on each
 * pass: the input decides when to stop, but no count of passes comes from
 * it (redis-cli's "How many slots do you want to move?"). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[16];
	int slots = 0;
	while (slots <= 0 || slots > 16) {
		printf("How many slots (1 to 16)? ");
		fflush(stdout);
		if (!fgets(line, sizeof line, stdin))
			return 1;
		slots = atoi(line);
	}
	return slots;
}
