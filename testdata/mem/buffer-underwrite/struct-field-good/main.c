/* c.buffer-underwrite, struct-field, good: the newline is dropped only
 * when the token is not empty and ends with one. */
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
	if (t.len > 0 && t.text[t.len - 1] == '\n')
		t.len--;
	t.text[t.len] = '\0';
	if (outlen == 0)
		return 0;
	strncpy(out, t.text, outlen - 1);
	out[outlen - 1] = '\0';
	return strlen(out);
}
