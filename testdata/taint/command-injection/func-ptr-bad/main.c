/* c.command-injection, func-ptr, bad: a scanned word reaches execv through a
 * function pointer whose only target is launch(). */
#include <stdio.h>
#include <unistd.h>

static void launch(char *prog)
{
	char *args[] = { prog, NULL };
	execv(prog, args); /* BH-EXPECT: c.command-injection */
	perror("execv");
}

int main(void)
{
	char word[128];
	void (*fp)(char *) = launch;

	if (scanf("%127s", word) != 1)
		return 1;
	fp(word);
	return 127;
}
