/* c.null-deref, array element, good: print_args() checks slot 1 of the
 * argument vector before it prints what it points to. */
#include <stdio.h>

static void print_args(char *argv[])
{
	char *first = argv[1];

	if (first != NULL)
		printf("%c\n", first[0]);
}

void run(void)
{
	char *argv[3];
	char *arg = NULL;

	argv[0] = "prog";
	argv[1] = arg;
	argv[2] = NULL;
	print_args(argv);
}
