/* c.use-after-free, array element, good: submit() lets flush() print
 * element 0 before it releases its copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void flush(char *queue[])
{
	puts(queue[0]);
}

void submit(const char *msg)
{
	char *queue[2];
	char *m = strdup(msg);

	if (m == NULL)
		return;
	queue[0] = m;
	queue[1] = NULL;
	flush(queue);
	free(m);
}
