/* c.tainted-loop-bound, fallback-object, good: the same constructors,
 * but only the new job's name comes from the line read with fgets(3); its
 * count is a constant, as the shared default job's is. Both loops to the
 * count are bounded, whatever the name holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
	char *name;
	unsigned long count;
};

static struct job default_job = { NULL, 4 };

static struct job *job_from(const char *line)
{
	struct job *j = calloc(1, sizeof *j);
	if (j && line[0] == 'n') {
		j->name = strdup(line + 1);
		j->count = 8;
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
	j->name = strdup(line + 1);
	j->count = 8;
	return j;
}

static unsigned long run(const struct job *j)
{
	unsigned long acc = 0;
	for (unsigned long i = 0; i < j->count; i++)
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
	for (unsigned long i = 0; i < k->count; i++)
		acc += i;
	return (int)(acc & 1);
}
