/* c.uninitialized-read, loop, bad: the last word is only assigned inside a
 * loop that does not run when the block is empty. */
unsigned last_word(const unsigned *words, int n)
{
	unsigned last;
	int i;

	for (i = 0; i < n; i++)
		last = words[i];
	return last; /* BH-EXPECT: c.uninitialized-read */
}
