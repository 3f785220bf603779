/* quilt's copy of ae.c before a patch: no build compiles it. */
#include <stdio.h>

int main(void)
{
	char name[16];
	gets(name);
	puts(name);
	return 0;
}
