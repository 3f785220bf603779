/* c.use-after-free, member-address, good: the member's address is read
 * before the block is released. */
#include <stdlib.h>

struct node { int value; };
struct item { struct node node; int weight; };

static int value_of(const struct node *n)
{
	return n->value;
}

int main(void)
{
	struct item *it = calloc(1, sizeof *it);
	if (!it)
		return 1;
	it->node.value = 3;
	int v = value_of(&it->node);
	free(it);
	return v;
}
