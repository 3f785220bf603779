/* c.unchecked-null, loop, good: allocation failure stops the loop and the
 * list built so far is returned. */
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
		if (nd == NULL)
			break;
		nd->slot = i;
		nd->next = head;
		head = nd;
	}
	return head;
}
