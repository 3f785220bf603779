/* c.buffer-underwrite, struct-field, bad: the newline is dropped by
 * writing text[len - 1], and for an empty line len is 0, one byte before
 * the text member of the local token. */
#include <string.h>

struct token {
	int len;
	char text[32];
};

size_t token_copy(const char *line, char *out, size_t outlen)
{
	struct token t;

	t.len = 0;
	while (*line != '\0' && t.len < 31)
		t.text[t.len++] = *line++;
	t.text[t.len - 1] = '\0'; /* BH-EXPECT: c.buffer-underwrite */
	if (outlen == 0)
		return 0;
	strncpy(out, t.text, outlen - 1);
	out[outlen - 1] = '\0';
	return strlen(out);
}
