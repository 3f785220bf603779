/* c.heap-buffer-overflow, func-ptr, good: the row is grown to hold all
 * the columns the clearing routine blanks, plus the NUL. */
#include <stdlib.h>
#include <string.h>

#define COLUMNS 80

static void clear_row(char *row, size_t width)
{
	memset(row, ' ', width);
}

char *screen_row(void)
{
	void (*clear)(char *, size_t) = clear_row;
	char *row = malloc(40);
	char *bigger;

	if (row == NULL)
		return NULL;
	bigger = realloc(row, COLUMNS + 1);
	if (bigger == NULL) {
		free(row);
		return NULL;
	}
	row = bigger;
	clear(row, COLUMNS);
	row[COLUMNS] = '\0';
	return row;
}
