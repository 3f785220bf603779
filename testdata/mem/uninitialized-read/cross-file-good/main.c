/* main.c: c.uninitialized-read, cross-file, good: both fields are set
 * before the job is passed to job_weight() (weight.c). */
#include "job.h"

int schedule(int id, int priority)
{
	struct job j;

	j.id = id;
	j.priority = priority;
	return job_weight(j);
}
