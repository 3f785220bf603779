/* c.unchecked-null, loop, bad: each node of the free list is allocated and
 * linked without checking malloc. */
#include <stdlib.h>

struct node {
	struct node *next;
	int slot;
};

struct node *free_list(int n)
{
	struct node *head = NULL, *nd;
	int i;

	for (i = 0; i < n; i++) {
		nd = malloc(sizeof *nd);
		nd->slot = i; /* BH-EXPECT: c.unchecked-null */
		nd->next = head;
		head = nd;
	}
	return head;
}
