/* c.memory-leak, helper-return, bad: the status line built by make_buf()
 * (an allocation wrapper) is written out and never freed. */
#include <stdio.h>
#include <stdlib.h>

static char *make_buf(size_t n)
{
	char *b = malloc(n);

	if (b != NULL)
		b[0] = '\0';
	return b;
}

int write_status(FILE *out, int code)
{
	char *b = make_buf(64);

	if (b == NULL)
		return -1;
	snprintf(b, 64, "HTTP/1.1 %d\r\n", code);
	fputs(b, out);
	return 0; /* BH-EXPECT: c.memory-leak */
}
