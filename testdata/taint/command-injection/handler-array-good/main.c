/* c.command-injection, handler-array, good: an array of handlers indexed
 * by the request's opcode; none of them runs its argument, and the one
 * function that runs a command is not in the array. */
#include <stdio.h>
#include <stdlib.h>

typedef void (*handler_fn)(const char *arg);

static void do_echo(const char *arg)
{
	printf("%s\n", arg);
}

static void do_log(const char *arg)
{
	fprintf(stderr, "%s\n", arg);
}

static void do_exec(const char *arg)
{
	system(arg);
}

static const handler_fn handlers[] = { do_echo, &do_log };

int main(void)
{
	char line[256];
	int op = getchar();

	if (op == EOF || fgets(line, sizeof line, stdin) == NULL)
		return 1;
	handlers[op & 1](line);
	do_exec("date");
	return 0;
}
