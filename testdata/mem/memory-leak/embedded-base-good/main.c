/* c.memory-leak, embedded-base, good: a tokenizer allocates its derived
 * struct and hands out the address of the base struct embedded in it (C's
 * inheritance, as sqlite's tokenizers do), through an out parameter or as
 * its result; the caller releases it through that base. Nothing leaks. */
#include <stdlib.h>

struct tokenizer { int kind; };
struct porter { struct tokenizer base; int state; };

static int porter_create(struct tokenizer **out)
{
	struct porter *t = calloc(1, sizeof *t);
	if (!t)
		return 1;
	t->state = 7;
	*out = &t->base;
	return 0;
}

static struct tokenizer *porter_new(void)
{
	struct porter *t = malloc(sizeof *t);
	if (!t)
		return NULL;
	t->base.kind = 1;
	t->state = 0;
	return &t->base;
}

int main(void)
{
	struct tokenizer *a = NULL;
	if (porter_create(&a) != 0)
		return 1;
	struct tokenizer *b = porter_new();
	int kind = a->kind + (b ? b->kind : 0);
	free(a);
	free(b);
	return kind;
}
