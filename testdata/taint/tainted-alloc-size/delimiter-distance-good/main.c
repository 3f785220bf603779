/* c.tainted-alloc-size, delimiter-distance, good: the name before the
 * first '=' of a line read from input is copied into a block of its own
 * size. The input decides where the '=' is, not how large the line it
 * sent is: the allocation is no larger than the line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char line[512];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	char *eq = strchr(line, '=');
	if (!eq)
		return 1;
	char *name = malloc((size_t)(eq - line) + 1);
	if (!name)
		return 1;
	size_t len = (size_t)(eq - line);
	for (size_t i = 0; i < len; i++)
		name[i] = line[i];
	name[len] = '\0';
	puts(name);
	free(name);
	return 0;
}
