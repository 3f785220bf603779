/* Shell commands built from input: a name such as "x; rm -rf /" runs. */
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
