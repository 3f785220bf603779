/* c.uninitialized-read, struct-copy, good: req_cost() copies the unset
 * timeout into a local but overwrites it before use; copying is no read. */
struct req {
	int id;
	int timeout;
};

static int req_cost(struct req r)
{
	int t = r.timeout;

	t = 30;
	return t * 2 + r.id;
}

int submit(int id)
{
	struct req r;

	r.id = id;
	return req_cost(r);
}
