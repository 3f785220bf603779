/* c.command-injection, ops-table, bad: a word read from stdin is handed to
 * the handlers of a table of operations; one of them runs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handler {
	const char *name;
	int (*run)(const char *arg);
};

static int do_exec(const char *arg)
{
	return system(arg); /* BH-EXPECT: c.command-injection */
}

static int do_echo(const char *arg)
{
	return printf("%s\n", arg);
}

static const struct handler handlers[] = {
	{ "exec", do_exec },
	{ "echo", do_echo },
};

int main(int argc, char **argv)
{
	char buf[128];

	if (argc < 2 || fgets(buf, sizeof buf, stdin) == NULL)
		return 1;
	for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
		if (strcmp(handlers[i].name, argv[1]) == 0)
			return handlers[i].run(buf);
	return 1;
}
