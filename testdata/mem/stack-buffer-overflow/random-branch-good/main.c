/* c.stack-buffer-overflow, random-branch, good: the fill fits the smaller
 * buffer, and a choice made by a configuration flag (not at random) is
 * paired with the matching size. */
#include <stdlib.h>
#include <string.h>

void consume(const char *buf);
int use_large(void);

void fuzz_once(void)
{
	char small[50];
	char large[100];
	char *scratch;
	if (random() & 1)
		scratch = small;
	else
		scratch = large;
	memset(scratch, 'A', 50);
	consume(scratch);
}

void configured(void)
{
	char small[50];
	char large[100];
	char *scratch;
	int big = use_large();
	if (big)
		scratch = large;
	else
		scratch = small;
	memset(scratch, 'A', big ? 100 : 50);
	consume(scratch);
}
