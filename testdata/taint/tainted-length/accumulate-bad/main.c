/* c.tainted-length, accumulate, bad: lines read with fgets are
 * appended to one string in a loop (`acc = append(acc, buf)`, which
 * returns the same block while it has room); a length parsed from it
 * reaches memcpy. The finding names fgets, not the call that carries
 * the string around the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t cap = 1;

static char *append(char *acc, const char *s)
{
	size_t a = strlen(acc), b = strlen(s);
	if (a + b + 1 > cap) {
		char *r = realloc(acc, 2 * (a + b + 1));
		if (!r)
			exit(1);
		acc = r;
		cap = 2 * (a + b + 1);
	}
	memcpy(acc + a, s, b + 1);
	return acc;
}

int main(void)
{
	char buf[256], out[64];
	char *acc = calloc(1, 1);
	if (!acc)
		return 1;
	while (fgets(buf, sizeof buf, stdin))
		acc = append(acc, buf);
	size_t n = strtoul(acc, NULL, 10);
	memcpy(out, buf, n); /* BH-EXPECT: c.tainted-length */
	free(acc);
	return out[0];
}
