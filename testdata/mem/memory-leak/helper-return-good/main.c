/* c.memory-leak, helper-return, good: the make_buf() buffer is freed after
 * it is written out. */
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
	free(b);
	return 0;
}
