/* c.tainted-length, static-global, good: the length kept in the global is
 * checked against the buffer before the read. */
#include <stdint.h>
#include <unistd.h>

static uint32_t g_len;
static char g_body[256];

static int read_length(void)
{
	return read(0, &g_len, sizeof g_len) == (ssize_t)sizeof g_len;
}

static int read_body(void)
{
	if (g_len > sizeof g_body)
		return 0;
	return read(0, g_body, g_len) >= 0;
}

int main(void)
{
	if (!read_length())
		return 1;
	return !read_body();
}
