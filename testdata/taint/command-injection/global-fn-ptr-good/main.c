/* c.command-injection, global-fn-ptr, good: each line read goes to the
 * hook hooks.c initialises; nothing here calls into hooks.c by name. */
#include <stdio.h>

extern void (*on_line)(const char *line);

int main(void)
{
	char line[256];

	while (fgets(line, sizeof line, stdin) != NULL)
		on_line(line);
	return 0;
}
