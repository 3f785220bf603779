/* c.null-deref, loop, bad: the list is built by appending to 'tail', which
 * is NULL in the first iteration. */
#include <stddef.h>

struct item {
	struct item *next;
	int value;
};

struct item *chain(struct item *items, int n)
{
	struct item *head = items, *tail = NULL;
	int i;

	for (i = 0; i < n; i++) {
		items[i].next = NULL;
		tail->next = &items[i]; /* BH-EXPECT: c.null-deref */
		tail = &items[i];
	}
	return n > 0 ? head : NULL;
}
