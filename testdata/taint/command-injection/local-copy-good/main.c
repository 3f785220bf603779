/* c.command-injection, local-copy, good: the copy of the environment
 * variable is overwritten with a literal before the pipe is opened. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char *data = getenv("REPORT_PAGER");
	if (data == NULL)
		return 1;
	char *cmd = data;
	printf("REPORT_PAGER=%s is not trusted, using more\n", cmd);
	cmd = "more";
	FILE *pipe = popen(cmd, "w");
	if (pipe == NULL)
		return 1;
	fputs("report body\n", pipe);
	return pclose(pipe) == 0 ? 0 : 1;
}
