/* c.command-injection, extern-table, good: the table's commands print
 * their argument; the shell only runs a fixed command, outside the table. */
#include <stdio.h>
#include <stdlib.h>

struct command {
	const char *name;
	void (*run)(const char *arg);
};

static void cmd_echo(const char *arg)
{
	puts(arg);
}

static void cmd_log(const char *arg)
{
	fprintf(stderr, "%s\n", arg);
}

void reset_terminal(void)
{
	system("tput reset");
}

const struct command commands[] = {
	{ "echo", cmd_echo },
	{ "log", cmd_log },
	{ NULL, NULL },
};
