/* main.c: c.uninitialized-read, cross-file, bad: the job is passed by
 * value to job_weight() (weight.c), which reads its priority, never set
 * here. */
#include "job.h"

int schedule(int id)
{
	struct job j;

	j.id = id;
	return job_weight(j);
}
