/* c.tainted-alloc-size, static-global, good: the length kept in the global is
 * bounded above before the allocation. */
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
	if (g_len > 65536)
		return NULL;
	return malloc((size_t)g_len + 1);
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
