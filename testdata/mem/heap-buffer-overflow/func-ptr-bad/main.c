/* c.heap-buffer-overflow, func-ptr, bad: the row was grown to 64 bytes
 * with realloc, but the clearing routine called through a function
 * pointer blanks 80 columns. */
#include <stdlib.h>
#include <string.h>

#define COLUMNS 80

static void clear_row(char *row, size_t width)
{
	memset(row, ' ', width); /* BH-EXPECT: c.heap-buffer-overflow */
}

char *screen_row(void)
{
	void (*clear)(char *, size_t) = clear_row;
	char *row = malloc(40);
	char *bigger;

	if (row == NULL)
		return NULL;
	bigger = realloc(row, 64);
	if (bigger == NULL) {
		free(row);
		return NULL;
	}
	row = bigger;
	clear(row, COLUMNS);
	row[63] = '\0';
	return row;
}
