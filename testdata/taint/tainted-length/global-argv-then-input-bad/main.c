/* c.tainted-length, global-argv-then-input, bad: the length kept in a global
 * is first the command line's, then one read from input replaces it; a read
 * into a 256-byte buffer in another function uses it. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static uint32_t g_len;
static char g_body[256];

static int read_body(void)
{
	return read(0, g_body, g_len) >= 0; /* BH-EXPECT: c.tainted-length */
}

int main(int argc, char **argv)
{
	if (argc > 1)
		g_len = (uint32_t)strtoul(argv[1], NULL, 10);
	if (read(0, &g_len, sizeof g_len) != (ssize_t)sizeof g_len)
		return 1;
	return !read_body();
}
