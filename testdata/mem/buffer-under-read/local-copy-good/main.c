/* c.buffer-under-read, local-copy, good: a string without digits is
 * rejected before the last digit is read. */
int last_digit(const char *s)
{
	int digits[16];
	int n = 0;
	int last;

	for (; *s && n < 16; s++)
		if (*s >= '0' && *s <= '9')
			digits[n++] = *s - '0';
	if (n == 0)
		return -1;
	last = n - 1;
	return digits[last];
}
