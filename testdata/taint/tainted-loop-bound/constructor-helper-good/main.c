/* c.tainted-loop-bound, constructor-helper, good: the same constructor
 * and helper, but only the object's name comes from the line read with
 * fgets(3); its count is a constant. One object stays in a local, one is
 * kept in a field of a global: either way the worker's loop to the count
 * is bounded, whatever the name holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
	char *name;
	void *owner;
	int sock;
	unsigned long count;
};

static struct {
	struct session *current;
} registry;

static int session_init(struct session *s, const char *line, void *owner)
{
	if (!line)
		return 1;
	s->owner = owner ? owner : s;
	s->name = strdup(line);
	if (!s->name)
		return 2;
	s->count = 4;
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
	for (unsigned long i = 0; i < s->count; i++)
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
	registry.current = session_new(line, &registry);
	if (registry.current)
		acc += session_work(registry.current);
	free(s->name);
	free(s);
	return (int)(acc & 1);
}
