/* job.h: jobs of this fixture; job_weight() is in weight.c. */
#ifndef JOB_H
#define JOB_H

struct job {
	int id;
	int priority;
};

int job_weight(struct job j);

#endif
