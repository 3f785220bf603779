/* c.null-deref, through a pointer parameter, good: greet() checks what
 * `*namep` holds before it reads it. */
#include <stdio.h>

static void greet(char **namep)
{
	char *name = *namep;

	if (name)
		printf("hello %c\n", name[0]);
}

void start(void)
{
	char *name = NULL;

	greet(&name);
}
