/* c.tainted-length, delimiter-distance, bad: the name before the first
 * '=' of a line read from input is copied into a 32-byte buffer: the
 * input decides where the '=' is, up to 511 bytes in, and so how much is
 * copied. A distance within the line bounds work, not a smaller copy. */
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
	memcpy(name, line, len); /* BH-EXPECT: c.tainted-length */
	name[len < sizeof name ? len : sizeof name - 1] = '\0';
	puts(name);
	return 0;
}
