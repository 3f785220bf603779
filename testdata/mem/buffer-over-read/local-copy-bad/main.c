/* c.buffer-over-read, local-copy, bad: the four-byte chunk id fills the
 * four-byte buffer with no terminator, and strlen() through the copied
 * pointer reads past it. */
#include <stdio.h>
#include <string.h>

int print_chunk_id(FILE *out)
{
	char id[4];
	const char *t;

	memcpy(id, "RIFF", 4);
	t = id;
	return (int)fwrite(t, 1, strlen(t), out); /* BH-EXPECT: c.buffer-over-read */
}
