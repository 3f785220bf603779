/* c.tainted-loop-bound, out-param-object, good: a loader reads bytes with
 * read(2), builds an object holding them beside their length (what read
 * returned, at most the buffer's size) and a line count it sets itself,
 * and hands the object back through an out parameter, by way of a
 * wrapper; an error path leaves the out parameter alone. The caller's
 * loops over those fields are bounded: only `text` holds input. */
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

static int source_load(int fd, struct source **out)
{
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4095);
	if (n <= 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = source_new(buf, (size_t)n);
	return *out ? 0 : -1;
}

static int source_open(struct source **out)
{
	return source_load(0, out);
}

int main(void)
{
	struct source *s = NULL;
	if (source_open(&s) != 0)
		return 1;
	for (size_t i = 0; i < s->len; i++)
		s->nlines += s->text[i] == '\n';
	int lines = 0;
	for (size_t i = 0; i < s->nlines; i++)
		lines++;
	free(s->text);
	free(s);
	return lines;
}
