/* c.heap-buffer-overflow, static-global, bad: the record buffer is
 * allocated with RECORD_SIZE (32) bytes, but fread() is asked for the 64
 * bytes of a version-2 record. */
#include <stdio.h>
#include <stdlib.h>

static const size_t RECORD_SIZE = 32;
static const size_t RECORD_V2_SIZE = 64;

int read_record(FILE *fp, unsigned char *kind)
{
	unsigned char *rec = malloc(RECORD_SIZE);
	size_t got;

	if (rec == NULL)
		return -1;
	got = fread(rec, 1, RECORD_V2_SIZE, fp); /* BH-EXPECT: c.heap-buffer-overflow */
	if (got == 0) {
		free(rec);
		return -1;
	}
	*kind = rec[0];
	free(rec);
	return 0;
}
