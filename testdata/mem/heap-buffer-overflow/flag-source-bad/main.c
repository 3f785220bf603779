/* c.heap-buffer-overflow, flagged source, bad: make_buffer() allocates a
 * 16-byte block when want_short is set and otherwise returns what it was
 * given; copy_name() sets the flag, passes NULL and copies 32 bytes. */
#include <stdlib.h>
#include <string.h>

#define NAME_LEN 32

static int want_short;

static char *make_buffer(char *buf)
{
	if (want_short) {
		buf = malloc(16);
		if (buf == NULL)
			exit(1);
	}
	return buf;
}

void copy_name(const char name[NAME_LEN])
{
	char *buf = NULL;

	want_short = 1;
	buf = make_buffer(buf);
	memcpy(buf, name, NAME_LEN); /* BH-EXPECT: c.heap-buffer-overflow */
	free(buf);
}
