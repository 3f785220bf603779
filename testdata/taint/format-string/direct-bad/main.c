/* c.format-string, direct, bad: the first argument is the printf format. */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	printf(argv[1]); /* BH-EXPECT: c.format-string */
	putchar('\n');
	return 0;
}
