/* c.null-deref, local pointer, good: what the other pointer reads is
 * checked before it is printed. */
#include <stdio.h>

void greet(void)
{
	const char *name = "world";
	const char **set = &name, **get = &name;

	*set = NULL;
	if (*get)
		printf("%c\n", (*get)[0]);
}
