/* c.sizeof-pointer, direct, bad: the session is allocated with the size
 * of the pointer, not of the structure. */
#include <stdlib.h>

struct session {
	int fd;
	char user[64];
	unsigned long expires;
};

struct session *session_new(int fd)
{
	struct session *s = malloc(sizeof(s)); /* BH-EXPECT: c.sizeof-pointer */

	if (s == NULL)
		return NULL;
	s->fd = fd;
	return s;
}
