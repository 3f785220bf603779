/* c.tainted-alloc-size, delimiter-distance, bad: the end of the name is
 * the line moved by a length parsed from the line itself, so the input
 * chooses the size of the block, whatever it sent. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[512];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	char *end = line + strtoul(line, NULL, 10);
	char *name = malloc((size_t)(end - line) + 1); /* BH-EXPECT: c.tainted-alloc-size */
	if (!name)
		return 1;
	name[0] = '\0';
	puts(name);
	free(name);
	return 0;
}
