/* c.tainted-loop-bound, constructor-helper, bad: a constructor hands the
 * new object to a helper that fills it on its success path only, the
 * count parsed out of a line read with fgets(3); a worker the caller
 * passes the object to loops to that count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
	char *name;
	void *owner;
	int sock;
	unsigned long count;
};

static int session_init(struct session *s, const char *line, void *owner)
{
	if (!line)
		return 1;
	s->owner = owner ? owner : s;
	s->name = strdup(line);
	if (!s->name)
		return 2;
	s->count = strtoul(line, NULL, 10);
	return 0;
}

static struct session *session_new(const char *line, void *owner)
{
	struct session *s = calloc(1, sizeof *s);
	if (s) {
		s->sock = -1;
		if (session_init(s, line, owner)) {
			free(s);
			return NULL;
		}
	}
	return s;
}

static unsigned long session_work(const struct session *s)
{
	unsigned long acc = 0;
	for (unsigned long i = 0; i < s->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	return acc;
}

int main(void)
{
	char line[128];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	struct session *s = session_new(line, NULL);
	if (!s)
		return 1;
	unsigned long acc = session_work(s);
	free(s->name);
	free(s);
	return (int)(acc & 1);
}
