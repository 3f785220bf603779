/* c.tainted-loop-bound, struct-field, bad: a count read with read(2) into a
 * struct, reached through a pointer, bounds a loop. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

struct job {
	uint32_t count;
	uint32_t flags;
};

int main(void)
{
	struct job job;
	struct job *p = &job;
	unsigned long acc = 0;

	if (read(0, &job, sizeof job) != (ssize_t)sizeof job)
		return 1;

	for (uint32_t i = 0; i < p->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i ^ p->flags;
	printf("%lu\n", acc);
	return 0;
}
