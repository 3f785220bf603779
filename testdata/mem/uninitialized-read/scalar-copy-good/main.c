/* c.uninitialized-read, scalar-copy, good: a copy of the unset timeout
 * is overwritten before anything uses it; copying is no read. */
int wait_ms(int fast)
{
	int timeout;
	int chosen = timeout;

	chosen = fast ? 10 : 100;
	return chosen * 1000;
}
