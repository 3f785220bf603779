/* c.stack-buffer-overflow, direct, bad: the whole 100-byte separator is
 * copied into the 50-byte line buffer. */
#include <stdio.h>
#include <string.h>

int print_separator(FILE *out)
{
	char rule[100];
	char line[50];

	memset(rule, '-', sizeof(rule) - 1);
	rule[sizeof(rule) - 1] = '\0';
	memcpy(line, rule, sizeof(rule)); /* BH-EXPECT: c.stack-buffer-overflow */
	line[sizeof(line) - 1] = '\0';
	return fputs(line, out);
}
