/* c.free-offset, container-of, good: an intrusive list hands back the
 * node's address; container_of() steps back from it to the item, which is
 * the pointer malloc() returned. */
#include <stddef.h>
#include <stdlib.h>

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

struct node { struct node *next; };
struct item { int weight; struct node node; };

static struct node *head;

void push_and_drop(void)
{
	struct item *it = malloc(sizeof *it);
	if (!it)
		return;
	it->weight = 1;
	struct node *n = &it->node;
	n->next = head;
	struct item *back = container_of(n, struct item, node);
	free(back);
}

int main(void)
{
	push_and_drop();
	return 0;
}
