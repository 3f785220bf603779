/* c.command-injection, helper-return, good: the environment variable from one
 * helper is only printed; the program run comes from a helper returning a
 * literal. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *get_input(void)
{
	return getenv("HOOK_PROGRAM");
}

static char *get_default(void)
{
	return "/bin/true";
}

int main(void)
{
	char *hook = get_input();
	char *prog = get_default();
	char *envp[] = { NULL };

	if (hook != NULL)
		fprintf(stderr, "HOOK_PROGRAM=%s is ignored\n", hook);
	char *args[] = { prog, NULL };
	execve(prog, args, envp);
	perror("execve");
	return 127;
}
