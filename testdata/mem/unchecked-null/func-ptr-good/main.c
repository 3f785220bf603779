/* c.unchecked-null, func-ptr, good: a NULL from the table's 'find' handler
 * (find_listener) is checked before the write. */
#include <stddef.h>

struct listener {
	int port;
	int backlog;
};

static struct listener listeners[2] = { { 80, 128 }, { 443, 512 } };

static struct listener *find_listener(int port)
{
	int i;

	for (i = 0; i < 2; i++)
		if (listeners[i].port == port)
			return &listeners[i];
	return NULL;
}

static const struct {
	struct listener *(*find)(int);
} listener_ops = { find_listener };

int set_backlog(int port, int backlog)
{
	struct listener *l = listener_ops.find(port);

	if (l == NULL)
		return -1;
	l->backlog = backlog;
	return 0;
}
