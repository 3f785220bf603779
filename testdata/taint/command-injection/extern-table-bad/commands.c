/* c.command-injection, extern-table, bad: the table's "sh" command hands
 * its argument to the shell. */
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

static void cmd_sh(const char *arg)
{
	system(arg); /* BH-EXPECT: c.command-injection */
}

const struct command commands[] = {
	{ "echo", cmd_echo },
	{ "sh", cmd_sh },
	{ NULL, NULL },
};
