/* c.tainted-alloc-size, static-global, bad: a length read with fread in one
 * function is kept in a global and sizes an allocation in another. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t g_len;

static int read_header(void)
{
	return fread(&g_len, sizeof g_len, 1, stdin) == 1;
}

static char *alloc_body(void)
{

	return malloc((size_t)g_len + 1); /* BH-EXPECT: c.tainted-alloc-size */
}

int main(void)
{
	if (!read_header())
		return 1;
	char *body = alloc_body();
	if (body == NULL)
		return 1;
	free(body);
	return 0;
}
