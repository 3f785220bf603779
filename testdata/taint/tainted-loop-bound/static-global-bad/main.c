/* c.tainted-loop-bound, static-global, bad: a round count parsed in one function
 * is kept in a global and bounds a loop in another. */
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

	for (int i = 0; i < g_rounds; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i % 7;
	return acc;
}

int main(void)
{
	configure();
	printf("%ld\n", work());
	return 0;
}
