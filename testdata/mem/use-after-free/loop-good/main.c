/* c.use-after-free, loop, good: the next pointer is saved before the node
 * is freed. */
#include <stdlib.h>

struct node {
	struct node *next;
	char *key;
};

void list_free(struct node *head)
{
	struct node *n = head, *next;

	while (n != NULL) {
		next = n->next;
		free(n->key);
		free(n);
		n = next;
	}
}
