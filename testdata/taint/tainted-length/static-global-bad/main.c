/* c.tainted-length, static-global, bad: a length read in one function is kept
 * in a global and is the count of a read into a 256-byte buffer in another. */
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

	return read(0, g_body, g_len) >= 0; /* BH-EXPECT: c.tainted-length */
}

int main(void)
{
	if (!read_length())
		return 1;
	return !read_body();
}
