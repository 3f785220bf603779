/* c.tainted-length, tested-length, bad: the name before the first '='
 * of a line read from input is copied into a 32-byte buffer; the test of
 * the line's length is made only when the line has no ';', so a line
 * with one copies up to 510 bytes. */
#include <stdio.h>
#include <string.h>

static void print_name(const char *line)
{
	char name[32];
	const char *eq = strchr(line, '=');
	if (eq == NULL)
		return;
	if (strchr(line, ';') == NULL && strlen(line) >= sizeof name)
		return;
	memcpy(name, line, (size_t)(eq - line)); /* BH-EXPECT: c.tainted-length */
	name[sizeof name - 1] = '\0';
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
