/* c.tainted-length, clamped-twice, bad: the rest of a record read from
 * input is copied after an offset the record gives; MAX() instead
 * of MIN() takes the larger of the two, and the length tested is not the
 * one copied (`len - off` against `len - 1`). */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define MAX(a, b) ((a) > (b) ? (a) : (b))

static void copy_rest(const char *rec, size_t len, size_t off)
{
	char name[32];
	char tail[16];

	if (off > len)
		return;
	memcpy(name, rec + off, MAX(len - off, sizeof name - 1)); /* BH-EXPECT: c.tainted-length */
	name[sizeof name - 1] = '\0';
	puts(name);
	if (len - off >= sizeof tail)
		return;
	memcpy(tail, rec + off, len - 1); /* BH-EXPECT: c.tainted-length */
	puts(tail);
}

int main(void)
{
	char rec[256];
	if (!fgets(rec, sizeof rec, stdin))
		return 1;
	char *end;
	size_t len = strtoul(rec, &end, 10);
	size_t off = strtoul(end, NULL, 10);
	copy_rest(rec, len, off);
	return 0;
}
