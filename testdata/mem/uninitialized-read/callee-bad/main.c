/* c.uninitialized-read, callee, bad: the job is passed by value to
 * job_weight(), which reads its priority, never set by the caller. */
struct job {
	int id;
	int priority;
};

static int job_weight(struct job j)
{
	return j.priority * 10 + (j.id & 1); /* BH-EXPECT: c.uninitialized-read */
}

int schedule(int id)
{
	struct job j;

	j.id = id;
	return job_weight(j);
}
