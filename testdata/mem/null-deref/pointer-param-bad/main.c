/* c.null-deref, through a pointer parameter, bad: start() passes the
 * address of its NULL `name` and greet() prints what `*namep` points to. */
#include <stdio.h>

static void greet(char **namep)
{
	char *name = *namep;

	printf("hello %c\n", name[0]); /* BH-EXPECT: c.null-deref */
}

void start(void)
{
	char *name = NULL;

	greet(&name);
}
