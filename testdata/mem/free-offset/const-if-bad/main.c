/* c.free-offset, const-if, bad: SKIP_BOM is 1, so the text pointer moves
 * past the UTF-8 byte order mark before it is freed. */
#include <stdlib.h>
#include <string.h>

#define SKIP_BOM 1

size_t text_len(const char *src)
{
	char *text = strdup(src);
	size_t n;

	if (text == NULL)
		return 0;
	if (SKIP_BOM && strncmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	n = strlen(text);
	free(text); /* BH-EXPECT: c.free-offset */
	return n;
}
