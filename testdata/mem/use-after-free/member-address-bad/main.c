/* c.use-after-free, member-address, bad: the address of a member of a
 * released block is passed to a function that reads through it. */
#include <stdlib.h>

struct node { int value; };
struct item { struct node node; int weight; };

static int value_of(const struct node *n)
{
	return n->value; /* BH-EXPECT: c.use-after-free */
}

int item_value(void)
{
	struct item *it = calloc(1, sizeof *it);
	if (!it)
		return -1;
	it->node.value = 3;
	free(it);
	return value_of(&it->node);
}

int main(void)
{
	return item_value();
}
