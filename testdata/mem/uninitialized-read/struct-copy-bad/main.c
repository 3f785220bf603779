/* c.uninitialized-read, struct-copy, bad: the request's timeout is never
 * set, and req_cost() copies it into a local that it uses. */
struct req {
	int id;
	int timeout;
};

static int req_cost(struct req r)
{
	int t = r.timeout;

	return t * 2 + r.id; /* BH-EXPECT: c.uninitialized-read */
}

int submit(int id)
{
	struct req r;

	r.id = id;
	return req_cost(r);
}
