/* c.memory-leak, embedded-base, bad: the base struct's address is only
 * read by a helper that keeps nothing; the derived struct is never
 * released. */
#include <stdlib.h>

struct tokenizer { int kind; };
struct porter { struct tokenizer base; int state; };

static int kind_of(const struct tokenizer *t)
{
	return t->kind;
}

int porter_kind(void)
{
	struct porter *t = calloc(1, sizeof *t);
	if (!t)
		return -1;
	t->base.kind = 2;
	return kind_of(&t->base); /* BH-EXPECT: c.memory-leak */
}

int main(void)
{
	return porter_kind();
}
