/* c.command-injection, func-ptr, good: the function pointer's target only
 * prints the scanned word; launch() is called directly with a literal. */
#include <stdio.h>
#include <unistd.h>

static void launch(char *prog)
{
	char *args[] = { prog, NULL };
	execv(prog, args);
	perror("execv");
}

static void show(char *word)
{
	printf("would run %s\n", word);
}

int main(void)
{
	char word[128];
	void (*fp)(char *) = show;

	if (scanf("%127s", word) != 1)
		return 1;
	fp(word);
	launch("/bin/true");
	return 127;
}
