/* c.uninitialized-read, func-ptr, bad: the event is passed by value through
 * a handler pointer to on_readable(), which reads its descriptor, never
 * set. */
struct event {
	int type;
	int fd;
};

static int on_readable(struct event ev)
{
	return ev.fd >= 0 ? ev.type : -1; /* BH-EXPECT: c.uninitialized-read */
}

int dispatch(int type)
{
	int (*handler)(struct event) = on_readable;
	struct event ev;

	ev.type = type;
	return handler(ev);
}
