/* b.c: runs what a.c read (c.command-injection, cross-file, bad). */
#include <stdio.h>
#include <unistd.h>
#include "shared.h"

int main(void)
{
	char buf[256];
	char *cmd = read_command(buf, sizeof buf);

	if (cmd == NULL)
		return 1;
	char *args[] = { cmd, NULL };
	execvp(cmd, args); /* BH-EXPECT: c.command-injection */
	perror("execvp");
	return 127;
}
