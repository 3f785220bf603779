/* c.command-injection, local-copy, bad: an environment variable, copied to
 * a local, opens a pipe. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char *data = getenv("REPORT_PAGER");
	if (data == NULL)
		return 1;
	char *cmd = data;
	FILE *pipe = popen(cmd, "w"); /* BH-EXPECT: c.command-injection */
	if (pipe == NULL)
		return 1;
	fputs("report body\n", pipe);
	return pclose(pipe) == 0 ? 0 : 1;
}
