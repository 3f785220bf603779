/* Copies whose length is decided by the input, into fixed-size arrays. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define NAME_MAX_LEN 32

struct session {
	char user[NAME_MAX_LEN];
	char home[64];
	int uid;
};

void set_user(struct session *s, const char *user)
{
	strcpy(s->user, user);
}

void set_home(struct session *s, const char *user)
{
	struct session tmp;

	sprintf(tmp.home, "/home/%s", user);
	memcpy(s->home, tmp.home, sizeof s->home);
}

void greet(const char *first, const char *last)
{
	char full[48];

	strcpy(full, first);
	strcat(full, " ");
	strcat(full, last);
	puts(full);
}

void label(struct session *s)
{
	char tag[16];

	/* "uid=" plus up to 11 characters of an int and the NUL: 16 fits,
	 * but a long takes 20 characters. */
	sprintf(tag, "uid=%d", s->uid);
	sprintf(tag, "uid=%ld", (long)s->uid);
	puts(tag);
}

void log_line(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsprintf(line, fmt, ap);
	va_end(ap);
	fputs(line, stderr);
}

void set_home_dir(struct session *s, const char *home, const char *fallback)
{
	/* The length checked is not the one copied: `home` changed since. */
	if (strlen(home) >= sizeof s->home)
		return;
	if (home[0] != '/')
		home = fallback;
	strcpy(s->home, home);
}
