/* c.null-deref, array element, bad: run() leaves NULL in slot 1 of the
 * argument vector and print_args() prints what slot 1 points to. */
#include <stdio.h>

static void print_args(char *argv[])
{
	char *first = argv[1];

	printf("%c\n", first[0]); /* BH-EXPECT: c.null-deref */
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
