/* c.command-injection, helper-return, bad: a helper returns an environment
 * variable that is executed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *get_input(void)
{
	return getenv("HOOK_PROGRAM");
}

int main(void)
{
	char *prog = get_input();
	char *envp[] = { NULL };

	if (prog == NULL)
		return 0;
	char *args[] = { prog, NULL };
	execve(prog, args, envp); /* BH-EXPECT: c.command-injection */
	perror("execve");
	return 127;
}
