/* b.c: prints what a.c read and runs a.c's constant default command
 * (c.command-injection, cross-file, good). */
#include <stdio.h>
#include <unistd.h>
#include "shared.h"

int main(void)
{
	char buf[256];
	char *input = read_command(buf, sizeof buf);
	char *args[] = { "true", NULL };

	if (input != NULL)
		printf("requested: %s\n", input);
	execvp(default_command(), args);
	perror("execvp");
	return 127;
}
