/* c.tainted-loop-bound, global-countdown, bad: a budget read from the
 * environment into a global is counted down by a loop elsewhere: the
 * environment decides how long it runs. */
#include <stdio.h>
#include <stdlib.h>

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
	while (budget > 0) { /* BH-EXPECT: c.tainted-loop-bound */
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
