/* c.free-offset, const-if, good: SKIP_BOM is 0, so the pointer is never
 * advanced and the block is freed through its start. */
#include <stdlib.h>
#include <string.h>

#define SKIP_BOM 0

size_t text_len(const char *src)
{
	char *text = strdup(src);
	size_t n;

	if (text == NULL)
		return 0;
	if (SKIP_BOM && strncmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	n = strlen(text);
	free(text);
	return n;
}
