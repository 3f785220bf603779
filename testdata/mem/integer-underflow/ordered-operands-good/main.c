/* c.integer-underflow, ordered-operands, good: a request gives a record's
 * length and the offset of its payload; the offset is checked against the
 * length, so `len - off`, the payload's size, is never below zero
 * whatever the two are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_payload(const char *rec, size_t len, size_t off)
{
	char payload[257];

	if (len > 256 || off > len)
		return;
	memcpy(payload, rec + off, len - off);
	payload[len - off] = '\0';
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
