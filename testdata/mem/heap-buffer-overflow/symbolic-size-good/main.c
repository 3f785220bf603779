/* c.heap-buffer-overflow, symbolic-size, good: blocks sized by values
 * nothing bounds, used within them; and relations that no longer hold
 * once their variable or string changes. */
#include <stdlib.h>
#include <string.h>

char *copy_name(const char *name)
{
	char *copy = malloc(strlen(name) + 1);

	if (copy == NULL)
		return NULL;
	strcpy(copy, name);
	return copy;
}

char *copy_line(const char *line)
{
	size_t len = strlen(line);
	char *copy = malloc(len + 1);

	if (copy == NULL)
		return NULL;
	memcpy(copy, line, len + 1);
	return copy;
}

int *zeroed_slots(size_t count)
{
	int *slots = malloc(count * sizeof(*slots));
	size_t i;

	if (slots == NULL)
		return NULL;
	for (i = 0; i < count; i++)
		slots[i] = 0;
	return slots;
}

char *terminated(const char *src, size_t n)
{
	char *buf = malloc(n + 1);

	if (buf == NULL)
		return NULL;
	memcpy(buf, src, n);
	buf[n] = '\0';
	return buf;
}

/* n is one less when the terminator is written: the block's size is
 * the old n, and nothing relates the new one to it. */
char *shortened(const char *src, size_t n)
{
	char *buf;

	if (n == 0)
		return NULL;
	buf = malloc(n);
	if (buf == NULL)
		return NULL;
	n = n - 1;
	memcpy(buf, src, n);
	buf[n] = '\0';
	return buf;
}

/* The string measured is not the one copied. */
char *other_string(const char *name, const char *shorter)
{
	char *copy = malloc(strlen(name));

	if (copy == NULL)
		return NULL;
	name = shorter;
	strcpy(copy, name);
	return copy;
}

struct user {
	char *login;
	char *home;
};

char *copy_login(const struct user *u)
{
	char *copy = malloc(strlen(u->login) + 1);

	if (copy == NULL)
		return NULL;
	strcpy(copy, u->login);
	return copy;
}

/* The field is given another string after the size was computed. */
char *copy_home(struct user *u, char *fallback)
{
	char *copy = malloc(strlen(u->home));

	if (copy == NULL)
		return NULL;
	u->home = fallback;
	strcpy(copy, u->home);
	return copy;
}
