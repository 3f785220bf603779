/* c.uninitialized-read, callee, good: job_weight() only reads the id, the
 * one field the caller sets. */
struct job {
	int id;
	int priority;
};

static int job_weight(struct job j)
{
	return (j.id & 1) * 10;
}

int schedule(int id)
{
	struct job j;

	j.id = id;
	return job_weight(j);
}
