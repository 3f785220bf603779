/* Shell commands built from untrusted input (the command line, the
 * environment): a name such as "x; rm -rf /" runs. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

int backup(const char *name)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "tar czf /backup/%s.tgz /data/%s", name, name);
	return system(cmd);
}

FILE *list_dir(const char *dir)
{
	char *cmd = NULL;

	if (asprintf(&cmd, "ls -l %s", dir) < 0)
		return NULL;
	FILE *p = popen(cmd, "r");
	free(cmd);
	return p;
}

int run_hook(char **argv)
{
	return system(argv[1]);
}

/* The callers: the name and the directory come from the command line and
 * the environment. */
int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	FILE *p = list_dir(getenv("LIST_DIR"));
	if (p)
		pclose(p);
	run_hook(argv);
	return backup(argv[1]);
}
