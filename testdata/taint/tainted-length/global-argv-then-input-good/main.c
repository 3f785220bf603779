/* c.tainted-length, global-argv-then-input, good: the length kept in the
 * global, from the command line and then from input, is checked against the
 * buffer before the read. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static uint32_t g_len;
static char g_body[256];

static int read_body(void)
{
	if (g_len > sizeof g_body)
		return 0;
	return read(0, g_body, g_len) >= 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		g_len = (uint32_t)strtoul(argv[1], NULL, 10);
	if (read(0, &g_len, sizeof g_len) != (ssize_t)sizeof g_len)
		return 1;
	return !read_body();
}
