/* c.sizeof-pointer, direct, good: the session is allocated with the size
 * of what the pointer points to. */
#include <stdlib.h>

struct session {
	int fd;
	char user[64];
	unsigned long expires;
};

struct session *session_new(int fd)
{
	struct session *s = malloc(sizeof(*s));

	if (s == NULL)
		return NULL;
	s->fd = fd;
	return s;
}
