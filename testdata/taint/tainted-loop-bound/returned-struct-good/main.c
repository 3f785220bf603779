/* c.tainted-loop-bound, returned-struct, good: a constructor keeps the
 * bytes read with read(2) in the object it returns, beside their length
 * (what read returned, at most the buffer's size) and a line count it
 * sets itself. The caller's loops over those fields are bounded: only
 * `text` holds input. */
#include <stdlib.h>
#include <unistd.h>

struct source {
	char *text;
	size_t len;
	size_t nlines;
};

static struct source *source_new(char *text, size_t len)
{
	struct source *s = malloc(sizeof *s);
	if (!s)
		return NULL;
	s->text = text;
	s->len = len;
	s->nlines = 0;
	return s;
}

int main(void)
{
	char buf[64];
	ssize_t n = read(0, buf, sizeof buf - 1);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	struct source *s = source_new(buf, (size_t)n);
	if (!s)
		return 1;
	for (size_t i = 0; i < s->len; i++)
		s->nlines += s->text[i] == '\n';
	int lines = 0;
	for (size_t i = 0; i < s->nlines; i++)
		lines++;
	free(s);
	return lines;
}
