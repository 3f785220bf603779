/* c.uninitialized-read, array-copy, good: the id that may be unset goes
 * into the array, but first_id() overwrites its copy before using it. */
static int first_id(const int ids[])
{
	int id = ids[0];

	id = 1;
	return id * 2;
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
