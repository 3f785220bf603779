/* c.tainted-loop-bound, static-global, good: the round count kept in the global is
 * bounded above before the loop. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

static int g_rounds;

static void configure(void)
{
	char *line = NULL;
	size_t cap = 0;

	if (getline(&line, &cap, stdin) > 0 && sscanf(line, "%d", &g_rounds) != 1)
		g_rounds = 0;
	free(line);
}

static long work(void)
{
	long acc = 0;

	if (g_rounds > 100)
		return -1;
	for (int i = 0; i < g_rounds; i++)
		acc += i % 7;
	return acc;
}

int main(void)
{
	configure();
	printf("%ld\n", work());
	return 0;
}
