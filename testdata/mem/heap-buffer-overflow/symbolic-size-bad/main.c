/* c.heap-buffer-overflow, symbolic-size, bad: blocks sized by values
 * nothing bounds (a parameter, a string's length) and filled one element
 * too far, which is wrong whatever the values are. */
#include <stdlib.h>
#include <string.h>

/* malloc(strlen(s)) leaves no room for the NUL strcpy() writes. */
char *copy_name(const char *name)
{
	char *copy = malloc(strlen(name));

	if (copy == NULL)
		return NULL;
	strcpy(copy, name); /* BH-EXPECT: c.heap-buffer-overflow */
	return copy;
}

/* The same through a variable holding the length. */
char *copy_line(const char *line)
{
	size_t len = strlen(line);
	char *copy = malloc(len);

	if (copy == NULL)
		return NULL;
	memcpy(copy, line, len + 1); /* BH-EXPECT: c.heap-buffer-overflow */
	return copy;
}

/* `i <= count` visits count + 1 slots of a block of count. */
int *zeroed_slots(size_t count)
{
	int *slots = malloc(count * sizeof(*slots));
	size_t i;

	if (slots == NULL)
		return NULL;
	for (i = 0; i <= count; i++)
		slots[i] = 0; /* BH-EXPECT: c.heap-buffer-overflow */
	return slots;
}

/* The terminator goes one byte past the n bytes copied. */
char *terminated(const char *src, size_t n)
{
	char *buf = malloc(n);

	if (buf == NULL)
		return NULL;
	memcpy(buf, src, n);
	buf[n] = '\0'; /* BH-EXPECT: c.heap-buffer-overflow */
	return buf;
}

struct user {
	char *login;
	char *home;
};

/* The same through a field: two reads of u->login with no store between. */
char *copy_login(const struct user *u)
{
	char *copy = malloc(strlen(u->login));

	if (copy == NULL)
		return NULL;
	strcpy(copy, u->login); /* BH-EXPECT: c.heap-buffer-overflow */
	return copy;
}
