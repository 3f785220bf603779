/* c.buffer-over-read, local-copy, good: the buffer holds the chunk id and
 * its terminating NUL. */
#include <stdio.h>
#include <string.h>

int print_chunk_id(FILE *out)
{
	char id[5];
	const char *t;

	memcpy(id, "RIFF", 5);
	t = id;
	return (int)fwrite(t, 1, strlen(t), out);
}
