/* c.uninitialized-read, pointer-param, good: scaled() writes through the
 * pointer before it reads, so the caller's unset scale is never read. */
static int scaled(int *scale)
{
	int s = *scale;

	s = 2;
	*scale = s;
	return *scale * 4;
}

int compute(int flag)
{
	int scale;

	if (flag)
		scale = 2;
	return scaled(&scale);
}
