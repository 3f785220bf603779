/* c.path-traversal, static-global, bad: a path scanned in one function is
 * kept in a global, checked and truncated in another. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char g_name[256];
static const char *g_path;

static int read_path(void)
{
	g_path = "/var/log/app.log";
	return fscanf(stdin, "%255s", g_name) == 1;
}

static int shrink_log(void)
{
	struct stat st;

	if (stat(g_name, &st) != 0) /* BH-EXPECT: c.path-traversal */
		return 1;
	if (st.st_size > 1048576)
		return truncate(g_name, 0) != 0; /* BH-EXPECT: c.path-traversal */
	return 0;
}

int main(void)
{
	if (!read_path())
		return 1;
	printf("requested %s\n", g_name);
	return shrink_log();
}
