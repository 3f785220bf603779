/* c.tainted-loop-bound, field-reset, bad: a request is filled whole with
 * read(2), then a helper sets its item count on one path only; on the
 * other the count read from input is kept and used as a loop bound. */
#include <unistd.h>

struct request {
	char body[256];
	unsigned long nitems;
};

static int request_reset(struct request *r)
{
	if (r->body[0] == '#')
		return 1;
	r->nitems = 0;
	return 0;
}

int main(void)
{
	struct request r;
	if (read(0, &r, sizeof r) != (ssize_t)sizeof r)
		return 1;
	int comment = request_reset(&r);
	unsigned long acc = 0;
	for (unsigned long i = 0; i < r.nitems; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += (unsigned char)r.body[i % sizeof r.body];
	return (int)(acc & 1) + comment;
}
