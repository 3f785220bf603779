/* c.null-deref, loop, good: the first element becomes the head; only later
 * ones are linked through 'tail'. */
#include <stddef.h>

struct item {
	struct item *next;
	int value;
};

struct item *chain(struct item *items, int n)
{
	struct item *head = NULL, *tail = NULL;
	int i;

	for (i = 0; i < n; i++) {
		items[i].next = NULL;
		if (tail != NULL)
			tail->next = &items[i];
		else
			head = &items[i];
		tail = &items[i];
	}
	return head;
}
