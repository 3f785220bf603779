/* c.use-after-free, loop, bad: the classic list teardown that reads
 * n->next after free(n). */
#include <stdlib.h>

struct node {
	struct node *next;
	char *key;
};

void list_free(struct node *head)
{
	struct node *n;

	for (n = head; n != NULL; n = n->next) { /* BH-EXPECT: c.use-after-free */
		free(n->key);
		free(n);
	}
}
