/* A C17 build: <stdio.h> no longer declares gets(), so the call below is
 * an implicit declaration, which the linker still binds to libc's gets. */
#include <stdio.h>

int main(void)
{
	char name[32];

	gets(name);
	printf("hello %s\n", name);
	return 0;
}
