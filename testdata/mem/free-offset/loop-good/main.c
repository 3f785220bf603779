/* c.free-offset, loop, good: the blanks are skipped with a second pointer,
 * and the copy is freed through its start. */
#include <stdlib.h>
#include <string.h>

int is_comment(const char *line)
{
	char *s = strdup(line);
	const char *p;
	int comment;

	if (s == NULL)
		return -1;
	p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	comment = *p == '#';
	free(s);
	return comment;
}
