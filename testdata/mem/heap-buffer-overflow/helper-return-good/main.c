/* c.heap-buffer-overflow, helper-return, good: token_alloc() returns a
 * block of TOKEN_LEN bytes, the size snprintf() is given. */
#include <stdio.h>
#include <stdlib.h>

#define TOKEN_LEN 32

static char *token_alloc(void)
{
	return malloc(TOKEN_LEN);
}

char *make_token(unsigned id)
{
	char *t = token_alloc();

	if (t == NULL)
		return NULL;
	snprintf(t, TOKEN_LEN, "tok-%08x-%08x", id, id ^ 0x5a5a5a5au);
	return t;
}
