/* c.command-injection, field-by-address, good: the environment only
 * sets the retry count; the command the helper runs is a constant. */
#include <stdlib.h>

struct task {
	const char *cmd;
	int retries;
};

static int run_task(const struct task *t)
{
	return system(t->cmd);
}

int main(void)
{
	struct task t;
	const char *n = getenv("TASK_RETRIES");

	t.cmd = "/usr/bin/backup --quiet";
	t.retries = n ? atoi(n) : 1;
	return run_task(&t);
}
