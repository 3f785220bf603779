/* c.uninitialized-read, local-pointer, good: the sum is set through the
 * pointer before the loop. */
int total(int n)
{
	int sum;
	int *acc = &sum;

	*acc = 0;
	for (int i = 0; i < n; i++)
		*acc += i;
	return *acc;
}
