/* c.use-after-free, local-copy, good: the alias is read while the buffer
 * is alive, then the buffer is freed. */
#include <stdlib.h>
#include <string.h>

size_t first_token_len(const char *s)
{
	char *tok = strdup(s);
	char *cur;
	size_t n = 0;

	if (tok == NULL)
		return 0;
	cur = tok;
	while (cur[n] != '\0' && cur[n] != ' ')
		n++;
	free(tok);
	return n;
}
