/* c.tainted-loop-bound, field-reset, good: a request is filled whole
 * with read(2), then a helper sets its item count on every path before
 * the count is used as a loop bound. The count no longer holds input. */
#include <unistd.h>

struct request {
	char body[256];
	unsigned long nitems;
};

static int request_reset(struct request *r)
{
	if (r->body[0] == '#') {
		r->nitems = 1;
		return 1;
	}
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
	for (unsigned long i = 0; i < r.nitems; i++)
		acc += (unsigned char)r.body[i % sizeof r.body];
	return (int)(acc & 1) + comment;
}
