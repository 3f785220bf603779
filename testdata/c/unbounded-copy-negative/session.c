/* Code that looks like the positive case but cannot overflow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
	char user[32];
	char role[8];
	char shell[64];
};

void set_user(struct session *s, const char *user)
{
	/* Bounded: snprintf always terminates and never writes past the size. */
	snprintf(s->user, sizeof s->user, "%s", user);
}

void set_defaults(struct session *s)
{
	/* Literals that fit, including the terminating NUL. */
	strcpy(s->role, "viewer");
	strcpy(s->role, "1234567");
	strcpy(s->shell, "/bin/sh");
	/* The array is known to be empty here: the literal fits. (What an
	 * array already holds is not tracked yet, see c.unbounded-copy.md.) */
	s->shell[0] = '\0';
	strcat(s->shell, "/usr/bin/env bash");
}

void copy_role(struct session *dst, const struct session *src)
{
	/* A string held in an 8-byte array fits another 8-byte array. */
	strcpy(dst->role, src->role);
}

char *dup_user(const char *user)
{
	/* The destination is a pointer of unknown size: out of scope. */
	char *p = malloc(strlen(user) + 1);

	if (p)
		strcpy(p, user);
	return p;
}

void label(char out[16], int uid, const char *name)
{
	char tag[16];

	/* "uid=" and at most 11 characters of an int: 16 bytes suffice. */
	sprintf(tag, "uid=%d", uid);
	/* A precision bounds %s: "u=" and 10 characters. */
	sprintf(tag, "u=%.10s", name);
	/* `out` is a parameter, hence a pointer: not a fixed-size array. */
	strcpy(out, tag);
}

void set_home(struct session *s, const char *home)
{
	char path[64];

	/* The length is checked first: with its NUL the string fits. */
	if (strlen(home) >= sizeof path)
		return;
	strcpy(path, home);
	strcpy(s->shell, path);
}

void set_shell(struct session *s, const char *shell)
{
	char line[80];
	size_t n = strlen(shell);

	/* The same check through a variable, the other way round. */
	if (n < sizeof s->shell) {
		sprintf(line, "shell=%s", shell);
		strcpy(s->shell, shell);
		puts(line);
	}
}
