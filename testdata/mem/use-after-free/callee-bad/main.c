/* c.use-after-free, callee, bad: session_destroy() frees the session, and
 * the caller reads its id afterwards. */
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
	int id;

	session_destroy(s);
	id = s->id; /* BH-EXPECT: c.use-after-free */
	return id;
}
