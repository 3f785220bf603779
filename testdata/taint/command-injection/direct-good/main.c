/* c.command-injection, direct, good: the argument is only printed; the
 * command is a literal. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: status HOST\n", stderr);
		return 2;
	}
	printf("status of %s\n", argv[1]);
	return system("uptime");
}
