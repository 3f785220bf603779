/* c.format-string, struct-field, bad: a line read with getline is kept in
 * a struct field and used as warn's format. */
#define _POSIX_C_SOURCE 200809L
#include <err.h>
#include <stdio.h>
#include <stdlib.h>

struct entry {
	const char *fmt;
	char *text;
};

int main(void)
{
	struct entry e = { "%s", NULL };
	struct entry *p = &e;
	char *line = NULL;
	size_t cap = 0;

	if (getline(&line, &cap, stdin) < 0) {
		free(line);
		return 1;
	}
	p->text = line;
	warn(p->text); /* BH-EXPECT: c.format-string */
	free(p->text);
	return 0;
}
