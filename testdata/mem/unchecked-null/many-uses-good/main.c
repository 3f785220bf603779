/* c.unchecked-null, many-uses, good: find_user() returns NULL for an
 * unknown name, but only for names the program never passes unchecked:
 * five places check its result and three do not. With three or more
 * unchecked uses, five checks are not the rule the unchecked uses deviate
 * from (twice as many would be), so none is reported. */
#include <stddef.h>
#include <string.h>

struct user {
	const char *name;
	int uid;
	int gid;
	const char *home;
};

static const struct user users[] = {
	{ "root", 0, 0, "/root" }, { "daemon", 1, 1, "/usr/sbin" }, { "www", 33, 33, "/var/www" },
};

static const struct user *find_user(const char *name)
{
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
		if (strcmp(users[i].name, name) == 0)
			return &users[i];
	return NULL;
}

int uid_of(const char *name)
{
	return find_user(name)->uid;
}

int gid_of(const char *name)
{
	return find_user(name)->gid;
}

const char *home_of(const char *name)
{
	const struct user *u = find_user(name);
	return u->home;
}

int exists(const char *name)
{
	if (find_user(name) == NULL)
		return 0;
	return 1;
}

int is_root(const char *name)
{
	const struct user *u = find_user(name);
	if (u == NULL)
		return 0;
	return u->uid == 0;
}

int is_system(const char *name)
{
	const struct user *u = find_user(name);
	if (!u)
		return 0;
	return u->uid < 100;
}

int same_group(const char *a, const char *b)
{
	const struct user *x = find_user(a);
	const struct user *y = find_user(b);
	if (x == NULL || y == NULL)
		return 0;
	return x->gid == y->gid;
}
