/* c.null-deref, local pointer, bad: NULL is stored through one pointer
 * to `name` and what the other reads is printed. */
#include <stdio.h>

void greet(void)
{
	const char *name = "world";
	const char **set = &name, **get = &name;

	*set = NULL;
	printf("%c\n", (*get)[0]); /* BH-EXPECT: c.null-deref */
}
