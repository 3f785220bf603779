/* c.memory-leak, assert-unnamed, bad: the flag says whether the unnamed
 * result was NULL, and the test only stops when it was: a name that was
 * allocated is never freed. */
#include <stdbool.h>
#include <stdlib.h>

__attribute__((noreturn)) void test_abort(void);
char *parse_name(const char *text);

void test_name_is_parsed(void) /* BH-EXPECT: c.memory-leak */
{
	bool missing = !!(parse_name("x") == NULL);
	if (missing)
		test_abort();
}

char *parse_name(const char *text)
{
	while (*text == ' ')
		text++;
	if (!*text)
		return NULL;
	char *name = malloc(16);
	if (name)
		name[0] = *text;
	return name;
}
