/* c.command-injection, const-if, bad: the branch that reads the command
 * is always taken. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char line[256];
	const char *cmd = "true";

	if (1) {
		if (fgets(line, sizeof line, stdin) == NULL)
			return 1;
		cmd = line;
	}
	execlp("sh", "sh", "-c", cmd, (char *)NULL); /* BH-EXPECT: c.command-injection */
	perror("execlp");
	return 127;
}
