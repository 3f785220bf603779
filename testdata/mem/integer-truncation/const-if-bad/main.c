/* c.integer-truncation, const-if, bad: the always-taken branch parses the
 * count, checked with `n == 0`, and casts it to uint8_t for the table size. */
#include <stdint.h>
#include <stdlib.h>

#define PARSE_ARGS 1

int main(int argc, char **argv)
{
	unsigned long n = 16;

	if (PARSE_ARGS && argc > 1)
		n = strtoul(argv[1], NULL, 0);
	if (n == 0)
		return 1;
	uint8_t slots = (uint8_t)n; /* BH-EXPECT: c.integer-truncation */
	int *table = calloc(slots, sizeof(int));
	if (table == NULL)
		return 1;
	free(table);
	return 0;
}
