/* c.free-offset, container-of, bad: the node's address is computed
 * forward from the item and released as if it were the allocation. */
#include <stddef.h>
#include <stdlib.h>

struct node { struct node *next; };
struct item { int weight; struct node node; };

void drop_node(void)
{
	struct item *it = malloc(sizeof *it);
	if (!it)
		return;
	it->weight = 1;
	char *n = (char *)it + offsetof(struct item, node);
	free(n); /* BH-EXPECT: c.free-offset */
}

int main(void)
{
	drop_node();
	return 0;
}
