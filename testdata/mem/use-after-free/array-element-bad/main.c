/* c.use-after-free, array element, bad: submit() releases its copy, then
 * passes the array that still holds it; flush() prints element 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void flush(char *queue[])
{
	puts(queue[0]); /* BH-EXPECT: c.use-after-free */
}

void submit(const char *msg)
{
	char *queue[2];
	char *m = strdup(msg);

	if (m == NULL)
		return;
	free(m);
	queue[0] = m;
	queue[1] = NULL;
	flush(queue);
}
