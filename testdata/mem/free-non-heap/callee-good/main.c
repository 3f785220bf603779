/* c.free-non-heap, callee, good: token_release() frees its argument, and
 * is given a heap token. */
#include <stdlib.h>
#include <string.h>

struct token {
	int kind;
	char text[32];
};

static void token_release(struct token *t)
{
	free(t);
}

int classify(const char *word)
{
	struct token *tok = calloc(1, sizeof *tok);
	int kind;

	if (tok == NULL)
		return -1;
	strncpy(tok->text, word, sizeof tok->text - 1);
	tok->kind = tok->text[0] == '#' ? 1 : 0;
	kind = tok->kind;
	token_release(tok);
	return kind;
}
