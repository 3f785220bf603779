/* c.tainted-loop-bound, returned-struct, bad: a constructor parses a
 * count out of bytes read with read(2) and stores it in the object it
 * returns; the caller loops to that count. */
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

int main(void)
{
	char buf[64];
	ssize_t n = read(0, buf, sizeof buf - 1);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	struct message *m = message_parse(buf);
	if (!m)
		return 1;
	unsigned long acc = 0;
	for (unsigned long i = 0; i < m->count; i++) /* BH-EXPECT: c.tainted-loop-bound */
		acc += i;
	free(m);
	return (int)(acc & 1);
}
