/* c.tainted-length, delimiter-distance, good: the name before the first
 * '=' of a line read from input is copied into a 32-byte buffer after a
 * check that it fits. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[512];
	char name[32];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	char *eq = strchr(line, '=');
	if (!eq)
		return 1;
	size_t len = (size_t)(eq - line);
	if (len >= sizeof name)
		return 1;
	memcpy(name, line, len);
	name[len] = '\0';
	puts(name);
	return 0;
}
