/* c.uninitialized-read, loop, good: the block always holds NWORDS words,
 * so the loop runs and assigns the last word. */
#define NWORDS 4

unsigned last_word(const unsigned words[NWORDS])
{
	unsigned last;
	int i;

	for (i = 0; i < NWORDS; i++)
		last = words[i];
	return last;
}
