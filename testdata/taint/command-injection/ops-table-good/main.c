/* c.command-injection, ops-table, good: the handlers of the table of
 * operations get a constant; the word read from stdin is only compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handler {
	const char *name;
	int (*run)(const char *arg);
};

static int do_exec(const char *arg)
{
	return system(arg);
}

static int do_echo(const char *arg)
{
	return printf("%s\n", arg);
}

static const struct handler handlers[] = {
	{ "exec", do_exec },
	{ "echo", do_echo },
};

int main(void)
{
	char buf[128];

	if (fgets(buf, sizeof buf, stdin) == NULL)
		return 1;
	buf[strcspn(buf, "\n")] = '\0';
	for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
		if (strcmp(handlers[i].name, buf) == 0)
			return handlers[i].run("uptime");
	return 1;
}
