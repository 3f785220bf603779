/* c.tainted-length, tested-length, good: the name before the first '='
 * of a line read from input is copied into a 32-byte buffer after a test
 * that the whole line is shorter than the buffer: the distance from the
 * line's start to its '=' is at most the line's length. */
#include <stdio.h>
#include <string.h>

static void print_name(const char *line)
{
	char name[32];
	size_t n = strlen(line);
	const char *eq = strchr(line, '=');
	if (eq == NULL || n >= sizeof name)
		return;
	memcpy(name, line, (size_t)(eq - line));
	name[eq - line] = '\0';
	puts(name);
}

int main(void)
{
	char line[512];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	print_name(line);
	return 0;
}
