/* c.tainted-loop-bound, fallback-object, bad: two constructors return
 * either a new job whose count is parsed out of a line read with fgets(3)
 * or, when the line holds none, a shared default job. Each caller loops
 * to the count of the job it gets: the parsed one is unbounded, whichever
 * of the returns comes first in the constructor. */
#include <stdio.h>
#include <stdlib.h>

struct job {
	const char *name;
	unsigned long count;
};

static struct job default_job = { "default", 4 };

static struct job *job_from(const char *line)
{
	struct job *j = calloc(1, sizeof *j);
	if (j && line[0] == 'n') {
		j->name = "parsed";
		j->count = strtoul(line + 1, NULL, 10);
		return j;
	}
	free(j);
	return &default_job;
}

static struct job *job_or_default(const char *line)
{
	if (line[0] != 'n')
		return &default_job;
	struct job *j = calloc(1, sizeof *j);
	if (!j)
		return &default_job;
	j->name = "parsed";
	j->count = strtoul(line + 1, NULL, 10);
	return j;
}

static unsigned long run(const struct job *j)
{
	unsigned long acc = 0;
	for (unsigned long i = 0; i < j->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	return acc;
}

int main(void)
{
	char line[128];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	unsigned long acc = run(job_from(line));
	struct job *k = job_or_default(line);
	for (unsigned long i = 0; i < k->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	return (int)(acc & 1);
}
