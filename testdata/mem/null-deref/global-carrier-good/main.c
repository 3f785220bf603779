/* c.null-deref, global carrier, good: reset() leaves NULL in `current`
 * and show() checks it before it prints what `current` points to. */
#include <stdio.h>

struct item {
	int id;
};

static struct item *current;

static void show(void)
{
	if (current == NULL) {
		puts("none");
		return;
	}
	printf("%d\n", current->id);
}

void reset(void)
{
	current = NULL;
	show();
}
