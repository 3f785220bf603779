/* c.buffer-overflow, callee, good: the global buffer has room for the
 * header name and its NUL. */
#include <stdio.h>
#include <string.h>

static char g_header[32];

static void put_header_name(char *dst)
{
	strcpy(dst, "content-type");
}

int emit_header(FILE *out, const char *value)
{
	put_header_name(g_header);
	return fprintf(out, "%s: %s\r\n", g_header, value);
}
