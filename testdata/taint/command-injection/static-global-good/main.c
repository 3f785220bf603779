/* c.command-injection, static-global, good: the line read from stdin goes to
 * one global, the command run in another function comes from a literal. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *g_note;
static const char *g_cmd;

static void load_command(void)
{
	char *line = NULL;
	size_t cap = 0;

	if (getline(&line, &cap, stdin) > 0)
		g_note = line;
	else
		free(line);
	g_cmd = "/bin/date";
}

static void run_command(void)
{
	if (g_note != NULL)
		fprintf(stderr, "note: %s", g_note);
	execl(g_cmd, "date", (char *)NULL);
}

int main(void)
{
	load_command();
	run_command();
	return 1;
}
