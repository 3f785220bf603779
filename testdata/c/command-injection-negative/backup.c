/* Constant commands: a literal, a macro, a const array; system(NULL) only
 * asks whether a shell exists; exec-family calls do not use a shell. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SYNC_CMD "sync"

static const char rotate_cmd[] = "logrotate /etc/logrotate.conf";

int maintenance(void)
{
	if (!system(NULL))
		return -1;
	system("/usr/bin/find /tmp -mtime +7 -delete");
	system(SYNC_CMD);
	return system(rotate_cmd);
}

FILE *uptime(void)
{
	return popen("uptime", "r");
}

int backup(const char *name)
{
	pid_t pid = fork();

	if (pid == 0) {
		execlp("tar", "tar", "czf", "/backup/data.tgz", name, (char *)NULL);
		_exit(127);
	}
	return pid < 0 ? -1 : 0;
}

/* Untrusted input reaches the program, but never a command: the commands
 * above are constants, and exec's arguments are not parsed by a shell
 * (the program run is fixed). */
int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	maintenance();
	FILE *u = uptime();
	if (u)
		pclose(u);
	return backup("data");
}
