/* c.tainted-length, clamped-twice, good: the rest of a record read from
 * input is copied after an offset the record gives, clamped with
 * MIN() (which computes `len - off` twice: once to test it, once as the
 * value) and with a test that returns (memcached's authfile_load(),
 * redis' sdssubstr()). */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define MIN(a, b) ((a) < (b) ? (a) : (b))

static void copy_rest(const char *rec, size_t len, size_t off)
{
	char name[32];
	char tail[16];

	if (off > len)
		return;
	memcpy(name, rec + off, MIN(len - off, sizeof name - 1));
	name[sizeof name - 1] = '\0';
	puts(name);
	if (len - off >= sizeof tail)
		return;
	memcpy(tail, rec + off, len - off);
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
