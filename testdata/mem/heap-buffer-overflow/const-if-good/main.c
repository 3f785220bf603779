/* c.heap-buffer-overflow, const-if, good: STATIC_CONST_FIVE is 5, so the
 * 50-byte allocation is on the infeasible branch and the block that is
 * allocated holds the whole template. */
#include <stdlib.h>
#include <string.h>

static const int STATIC_CONST_FIVE = 5;

char *clone_template(void)
{
	char source[100];
	char *data = NULL;

	if (STATIC_CONST_FIVE != 5)
		data = malloc(50);
	else
		data = malloc(100);
	if (data == NULL)
		return NULL;
	memset(source, 'C', sizeof(source) - 1);
	source[sizeof(source) - 1] = '\0';
	memcpy(data, source, sizeof(source));
	return data;
}
