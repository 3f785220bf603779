/* c.unchecked-null, func-ptr, bad: the table's 'find' handler
 * (find_listener) returns NULL for an unknown port; has_listener() checks
 * that, set_backlog() dereferences the result unchecked. */
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

int has_listener(int port)
{
	if (listener_ops.find(port) == NULL)
		return 0;
	return 1;
}

void set_backlog(int port, int backlog)
{
	struct listener *l = listener_ops.find(port);

	l->backlog = backlog; /* BH-EXPECT: c.unchecked-null */
}
