/* c.tainted-loop-bound, chained-condition, bad: the count of records to
 * skip is parsed out of a line read with fgets(3), and the loop that
 * skips them tests the list first and the count second (`p && i < n`):
 * the count is as much the loop's bound as in `i < n && p`. */
#include <stdio.h>
#include <stdlib.h>

struct rec {
	struct rec *next;
	int id;
};

static struct rec *skip(struct rec *p, unsigned long n)
{
	unsigned long i = 0;
	while (p && i < n) { /* BH-EXPECT: c.tainted-loop-bound */
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
	for (unsigned long i = 0; r && i < n; i++) /* BH-EXPECT: c.tainted-loop-bound */
		sum += i;
	return (int)(sum & 1);
}
