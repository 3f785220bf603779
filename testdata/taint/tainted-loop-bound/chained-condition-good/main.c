/* c.tainted-loop-bound, chained-condition, good: the same loops, each
 * also capped by a constant the counter is tested against on every pass
 * (`p && i < n && i < MAX_SKIP`): the count from the line read with
 * fgets(3) cannot make them run longer than the cap. */
#include <stdio.h>
#include <stdlib.h>

#define MAX_SKIP 1024

struct rec {
	struct rec *next;
	int id;
};

static struct rec *skip(struct rec *p, unsigned long n)
{
	unsigned long i = 0;
	while (p && i < n && i < MAX_SKIP) {
		p = p->next;
		i++;
	}
	return p;
}

int main(void)
{
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	static struct rec tail = { NULL, 2 }, head = { &tail, 1 };
	unsigned long n = strtoul(line, NULL, 10);
	const struct rec *r = skip(&head, n);
	unsigned long sum = 0;
	for (unsigned long i = 0; r && i < MAX_SKIP && i < n; i++)
		sum += i;
	return (int)(sum & 1);
}
