/* c.uninitialized-read, array-copy, bad: an id that may be unset goes
 * into an array that first_id() reads. */
static int first_id(const int ids[])
{
	int id = ids[0];

	return id * 2; /* BH-EXPECT: c.uninitialized-read */
}

int lookup(int have)
{
	int id;
	int ids[4];

	if (have)
		id = 7;
	ids[0] = id;
	return first_id(ids);
}
