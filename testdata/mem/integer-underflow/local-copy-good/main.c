/* c.integer-underflow, local-copy, good: the record length from the stream
 * is checked with `len < 8 || len > 4096`; the payload after the 8-byte header is computed
 * in uint32_t, and a copy of it is the length of the copy. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int read_payload(FILE *f, unsigned char *out, const unsigned char *rec)
{
	uint32_t len;

	if (fread(&len, sizeof len, 1, f) != 1 || len < 8 || len > 4096)
		return -1;
	uint32_t payload = len - 8;
	uint32_t n = payload;
	memcpy(out, rec + 8, n);
	return 0;
}
