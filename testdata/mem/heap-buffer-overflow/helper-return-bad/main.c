/* c.heap-buffer-overflow, helper-return, bad: token_alloc() returns a
 * 16-byte block, but the token is formatted with TOKEN_LEN (32) as the
 * buffer size. */
#include <stdio.h>
#include <stdlib.h>

#define TOKEN_LEN 32

static char *token_alloc(void)
{
	return malloc(16);
}

char *make_token(unsigned id)
{
	char *t = token_alloc();

	if (t == NULL)
		return NULL;
	snprintf(t, TOKEN_LEN, "tok-%08x-%08x", id, id ^ 0x5a5a5a5au); /* BH-EXPECT: c.heap-buffer-overflow */
	return t;
}
