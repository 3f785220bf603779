/* c.tainted-loop-bound, out-param-object, bad: a loader reads bytes with
 * read(2), builds an object whose count is parsed out of them, and hands
 * the object back through an out parameter, by way of a wrapper; the
 * caller loops to that count. */
#include <stdlib.h>
#include <unistd.h>

struct message {
	char *text;
	unsigned long count;
	unsigned long cap;
};

static struct message *message_parse(char *text)
{
	struct message *m = malloc(sizeof *m);
	if (!m)
		return NULL;
	m->text = text;
	m->count = strtoul(text, NULL, 10);
	m->cap = 16;
	return m;
}

static int message_load(int fd, struct message **out)
{
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4095);
	if (n <= 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = message_parse(buf);
	return *out ? 0 : -1;
}

static int message_open(struct message **out)
{
	return message_load(0, out);
}

int main(void)
{
	struct message *m = NULL;
	if (message_open(&m) != 0)
		return 1;
	unsigned long acc = 0;
	for (unsigned long i = 0; i < m->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	for (unsigned long i = 0; i < m->cap; i++)
		acc += i;
	free(m->text);
	free(m);
	return (int)(acc & 1);
}
