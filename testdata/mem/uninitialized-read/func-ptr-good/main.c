/* c.uninitialized-read, func-ptr, good: the descriptor is set before the
 * event goes through the handler pointer to on_readable(). */
struct event {
	int type;
	int fd;
};

static int on_readable(struct event ev)
{
	return ev.fd >= 0 ? ev.type : -1;
}

int dispatch(int type, int fd)
{
	int (*handler)(struct event) = on_readable;
	struct event ev;

	ev.type = type;
	ev.fd = fd;
	return handler(ev);
}
