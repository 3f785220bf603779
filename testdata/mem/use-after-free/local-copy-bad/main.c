/* c.use-after-free, local-copy, bad: 'cur' aliases the token buffer that
 * is freed before the alias is read. */
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
	free(tok);
	while (cur[n] != '\0' && cur[n] != ' ') /* BH-EXPECT: c.use-after-free */
		n++;
	return n;
}
