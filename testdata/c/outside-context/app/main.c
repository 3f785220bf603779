#include <stdio.h>
#include "../vendor/lib.h"

int main(int argc, char **argv)
{
	char small[8];

	if (argc > 1)
		lib_copy(&small, argv[1]);
	printf(argv[0]);
	return 0;
}
