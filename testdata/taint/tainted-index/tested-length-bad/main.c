/* c.tainted-index, tested-length, bad: the offset of a character in a
 * line read from input indexes a 201-byte copy where no test of the
 * line's length covers the index: the test is skipped on one path, says
 * the opposite, or was made on the string before the pointer moved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200

static double skipped(const char *s, int strict)
{
	char buff[MAXLEN + 1];
	const char *pdot = strchr(s, '.');
	if (pdot == NULL)
		return 0;
	if (strict && strlen(s) > MAXLEN)
		return 0;
	buff[pdot - s] = ','; /* BH-EXPECT: c.tainted-index */
	return strtod(buff, NULL);
}

static double opposite(const char *s)
{
	char buff[MAXLEN + 1];
	const char *pdot = strchr(s, '.');
	if (pdot != NULL && strlen(s) > MAXLEN) {
		buff[pdot - s] = ','; /* BH-EXPECT: c.tainted-index */
		return strtod(buff, NULL);
	}
	return 0;
}

static double moved(const char *s)
{
	char buff[MAXLEN + 1];
	if (strlen(s) > MAXLEN)
		return 0;
	s = strchr(s, '=');
	if (s == NULL)
		return 0;
	const char *pdot = strchr(s, '.');
	if (pdot == NULL)
		return 0;
	buff[pdot - s] = ','; /* BH-EXPECT: c.tainted-index */
	return strtod(buff, NULL);
}

int main(void)
{
	char line[4096];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	printf("%g %g %g\n", skipped(line, 1), opposite(line), moved(line));
	return 0;
}
