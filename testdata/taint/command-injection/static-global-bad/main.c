/* c.command-injection, static-global, bad: a line read in one function is
 * kept in a global and run in another. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *g_cmd;

static void load_command(void)
{
	char *line = NULL;
	size_t cap = 0;

	if (getline(&line, &cap, stdin) > 0)
		g_cmd = line;
	else
		free(line);
}

static void run_command(void)
{
	if (g_cmd != NULL)
		execl("/bin/sh", "sh", "-c", g_cmd, (char *)NULL); /* BH-EXPECT: c.command-injection */
}

int main(void)
{
	load_command();
	run_command();
	return 1;
}
