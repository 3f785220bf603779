/* c.stack-buffer-overflow, direct, good: only as much of the separator
 * as the 50-byte line buffer holds is copied, and it is terminated. */
#include <stdio.h>
#include <string.h>

int print_separator(FILE *out)
{
	char rule[100];
	char line[50];

	memset(rule, '-', sizeof(rule) - 1);
	rule[sizeof(rule) - 1] = '\0';
	memcpy(line, rule, sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	return fputs(line, out);
}
