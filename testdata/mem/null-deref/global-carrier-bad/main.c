/* c.null-deref, global carrier, bad: reset() leaves NULL in `current`
 * and show() prints what `current` points to without a check. */
#include <stdio.h>

struct item {
	int id;
};

static struct item *current;

static void show(void)
{
	printf("%d\n", current->id); /* BH-EXPECT: c.null-deref */
}

void reset(void)
{
	current = NULL;
	show();
}
