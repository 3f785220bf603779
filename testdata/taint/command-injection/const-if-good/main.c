/* c.command-injection, const-if, good: the branch that reads the command
 * is never taken, so the shell only runs "true". */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char line[256];
	const char *cmd = "true";

	if (0) {
		if (fgets(line, sizeof line, stdin) == NULL)
			return 1;
		cmd = line;
	}
	execlp("sh", "sh", "-c", cmd, (char *)NULL);
	perror("execlp");
	return 127;
}
