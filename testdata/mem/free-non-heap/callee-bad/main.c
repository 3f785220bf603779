/* c.free-non-heap, callee, bad: token_release() frees its argument, and is
 * given the address of a stack variable. */
#include <stdlib.h>
#include <string.h>

struct token {
	int kind;
	char text[32];
};

static void token_release(struct token *t)
{
	free(t); /* BH-EXPECT: c.free-non-heap */
}

int classify(const char *word)
{
	struct token tok;
	int kind;

	memset(&tok, 0, sizeof tok);
	strncpy(tok.text, word, sizeof tok.text - 1);
	tok.kind = tok.text[0] == '#' ? 1 : 0;
	kind = tok.kind;
	token_release(&tok);
	return kind;
}
