/* c.uninitialized-read, local-pointer, bad: the sum is only written
 * through a pointer inside the loop, so with n <= 0 it is read unset. */
int total(int n)
{
	int sum;
	int *acc = &sum;

	for (int i = 0; i < n; i++)
		*acc = i;
	return *acc; /* BH-EXPECT: c.uninitialized-read */
}
