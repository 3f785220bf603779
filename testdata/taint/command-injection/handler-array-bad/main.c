/* c.command-injection, handler-array, bad: an array of handlers indexed by
 * the request's opcode; one of them runs the argument. */
#include <stdio.h>
#include <stdlib.h>

typedef void (*handler_fn)(const char *arg);

static void do_echo(const char *arg)
{
	printf("%s\n", arg);
}

static void do_exec(const char *arg)
{
	system(arg); /* BH-EXPECT: c.command-injection */
}

static const handler_fn handlers[] = { do_echo, &do_exec };

int main(void)
{
	char line[256];
	int op = getchar();

	if (op == EOF || fgets(line, sizeof line, stdin) == NULL)
		return 1;
	handlers[op & 1](line);
	return 0;
}
