/* c.command-injection, field-by-address, bad: a field of a local struct
 * is filled from the environment and the struct is passed by address to
 * a helper that runs that field. */
#include <stdlib.h>

struct task {
	const char *cmd;
	int retries;
};

static int run_task(const struct task *t)
{
	return system(t->cmd); /* BH-EXPECT: c.command-injection */
}

int main(void)
{
	struct task t;

	t.cmd = getenv("TASK_CMD");
	t.retries = 1;
	if (!t.cmd)
		return 1;
	return run_task(&t);
}
