/* c.memory-leak, assert-unnamed, good: a test framework's assertion
 * (Criterion's cr_assert_null expands to this) compares a call's unnamed
 * result with NULL, keeps the outcome in a flag and ends the test when
 * it is false: memory can only be left behind on the path that aborts. */
#include <stdbool.h>
#include <stdlib.h>

__attribute__((noreturn)) void test_abort(void);
void test_passed(void);
char *parse_name(const char *text);

void test_empty_text_gives_no_name(void)
{
	bool passed = !!(parse_name("") == NULL);
	if (!passed)
		test_abort();
	else
		test_passed();
}

void test_blank_text_gives_no_name(void)
{
	bool passed = !(parse_name("   ") != NULL);
	if (!passed)
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
