/* weight.c: a job's weight, from its priority. */
#include "job.h"

int job_weight(struct job j)
{
	return j.priority * 10 + (j.id & 1); /* BH-EXPECT: c.uninitialized-read */
}
