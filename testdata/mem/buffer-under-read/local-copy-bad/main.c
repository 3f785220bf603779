/* c.buffer-under-read, local-copy, bad: a string without digits leaves
 * n at 0, and the copied index n - 1 reads digits[-1]. */
int last_digit(const char *s)
{
	int digits[16];
	int n = 0;
	int last;

	for (; *s && n < 16; s++)
		if (*s >= '0' && *s <= '9')
			digits[n++] = *s - '0';
	last = n - 1;
	return digits[last]; /* BH-EXPECT: c.buffer-under-read */
}
