/* c.command-injection, direct, bad: the first argument runs through the shell. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: run COMMAND\n", stderr);
		return 2;
	}
	return system(argv[1]); /* BH-EXPECT: c.command-injection */
}
