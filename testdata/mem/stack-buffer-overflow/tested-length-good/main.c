/* c.stack-buffer-overflow, tested-length, good: the length checks leave
 * room for the terminating NUL. */
#include <stdio.h>
#include <string.h>

#define NAME_SIZE 32

void greet(const char *name)
{
	char buf[NAME_SIZE];

	if (strlen(name) >= sizeof buf)
		return;
	strcpy(buf, name);
	puts(buf);
}

void label(const char *tag)
{
	char out[NAME_SIZE];
	size_t len = strlen(tag);

	if (len < NAME_SIZE) {
		strcpy(out, tag);
		puts(out);
	}
}

struct request {
	char *user;
	int flags;
};

/* A field's string, read twice with nothing stored between. */
void log_user(const struct request *req)
{
	char user[NAME_SIZE];

	if (strlen(req->user) >= sizeof user)
		return;
	strcpy(user, req->user);
	puts(user);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		greet(argv[i]);
		label(argv[i]);
	}
	return 0;
}
