/* c.tainted-loop-bound, out-param-filled, good: a loader allocates the
 * object it hands back through its out parameter and fills it with
 * read(2) through the pointer it stored there; the caller checks the
 * count from the message before looping to it. */
#include <stdlib.h>
#include <unistd.h>

struct message {
	unsigned count;
	char body[60];
};

static int message_read(int fd, struct message **out)
{
	*out = malloc(sizeof **out);
	if (!*out)
		return -1;
	if (read(fd, *out, sizeof **out) != (ssize_t)sizeof **out)
		return -1;
	return 0;
}

int main(void)
{
	struct message *m = NULL;
	if (message_read(0, &m) != 0 || m->count > 64) {
		free(m);
		return 1;
	}
	unsigned long acc = 0;
	for (unsigned i = 0; i < m->count; i++)
		acc += i;
	free(m);
	return (int)(acc & 1);
}
