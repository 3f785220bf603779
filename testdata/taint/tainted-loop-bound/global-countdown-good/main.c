/* c.tainted-loop-bound, global-countdown, good: the budget read from the
 * environment into a global is capped by the function that counts it
 * down, before its loop. */
#include <stdio.h>
#include <stdlib.h>

#define MAX_PAGES 64

static unsigned long budget;

static void read_budget(void)
{
	const char *s = getenv("PREALLOC_PAGES");
	if (s)
		budget = strtoul(s, NULL, 10);
}

static unsigned long pages;

static void prealloc(void)
{
	if (budget > MAX_PAGES)
		budget = MAX_PAGES;
	while (budget > 0) {
		pages++;
		budget -= 1;
	}
}

int main(void)
{
	read_budget();
	prealloc();
	printf("%lu\n", pages);
	return 0;
}
