/* c.buffer-overflow, callee, bad: put_header_name() copies the 12-byte
 * header name and its NUL into the 8-byte global buffer it is given. */
#include <stdio.h>
#include <string.h>

static char g_header[8];

static void put_header_name(char *dst)
{
	strcpy(dst, "content-type"); /* BH-EXPECT: c.buffer-overflow */
}

int emit_header(FILE *out, const char *value)
{
	put_header_name(g_header);
	return fprintf(out, "%s: %s\r\n", g_header, value);
}
