/* c.integer-underflow, ordered-operands, bad: a request gives a record's
 * length and the offset of its payload; the offset is checked against the
 * length plus a 2-byte trailer, so `len - off` is -2 when off is len + 2,
 * and memcpy() gets a size that wraps around. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_payload(const char *rec, size_t len, size_t off)
{
	char payload[257];

	if (len > 256 || off > len + 2)
		return;
	memcpy(payload, rec + off, len - off); /* BH-EXPECT: c.integer-underflow */
	payload[len - off] = '\0'; /* BH-EXPECT: c.integer-underflow */
	puts(payload);
}

int main(void)
{
	char line[512];
	char *end;

	if (!fgets(line, sizeof line, stdin))
		return 1;
	size_t len = strtoul(line, &end, 10);
	size_t off = strtoul(end, NULL, 10);
	print_payload(line, len, off);
	return 0;
}
