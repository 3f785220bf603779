/* c.stack-buffer-overflow, random-branch, bad: a fuzzing harness picks
 * one of two scratch buffers at random and fills it with a fixed 100
 * bytes, which the small one cannot hold. */
#include <stdlib.h>
#include <string.h>

void consume(const char *buf);

void fuzz_once(void)
{
	char small[50];
	char large[100];
	char *scratch;
	if (random() & 1)
		scratch = small;
	else
		scratch = large;
	memset(scratch, 'A', 100); /* BH-EXPECT: c.stack-buffer-overflow */
	consume(scratch);
}
