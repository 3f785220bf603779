/* c.uninitialized-read, pointer-param, bad: the scale is left unset when
 * no flag is given and scaled() reads it through the pointer. */
static int scaled(const int *scale)
{
	int s = *scale;

	return s * 4; /* BH-EXPECT: c.uninitialized-read */
}

int compute(int flag)
{
	int scale;

	if (flag)
		scale = 2;
	return scaled(&scale);
}
