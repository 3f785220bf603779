/* c.free-offset, loop, bad: leading blanks are skipped by incrementing the
 * only pointer to the copy, which is then freed. */
#include <stdlib.h>
#include <string.h>

int is_comment(const char *line)
{
	char *s = strdup(line);
	int comment;

	if (s == NULL)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	comment = *s == '#';
	free(s); /* BH-EXPECT: c.free-offset */
	return comment;
}
