/* c.tainted-index, tested-length, good: the offset of the decimal point
 * in a number read from input indexes a copy of the number, after a test
 * that the whole string fits the copy (lua's l_str2d): the offset of a
 * character in a string is at most the string's length. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200

static double with_comma(const char *s)
{
	char buff[MAXLEN + 1];
	const char *pdot = strchr(s, '.');
	if (pdot == NULL || strlen(s) > MAXLEN)
		return 0;
	strcpy(buff, s);
	buff[pdot - s] = ',';
	return strtod(buff, NULL);
}

int main(void)
{
	char line[512];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	printf("%g\n", with_comma(line));
	return 0;
}
