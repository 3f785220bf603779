/* c.uninitialized-read, scalar-copy, bad: the timeout, unset when the
 * caller is not in a hurry, is copied, and the copy is used. */
int wait_ms(int fast)
{
	int timeout;
	int chosen;

	if (fast)
		timeout = 10;
	chosen = timeout;
	return chosen * 1000; /* BH-EXPECT: c.uninitialized-read */
}
