/* c.use-after-free, callee, good: the id is saved before session_destroy()
 * frees the session. */
#include <stdlib.h>

struct session {
	int id;
	char *token;
};

static void session_destroy(struct session *s)
{
	free(s->token);
	free(s);
}

int session_close(struct session *s)
{
	int id = s->id;

	session_destroy(s);
	return id;
}
