/* c.command-injection, struct-field, bad: a script received from a socket
 * sits in a struct field and runs through the shell. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct job {
	const char *prog;
	char script[128];
};

int main(void)
{
	struct job job;
	char *const envp[] = { "PATH=/usr/bin:/bin", NULL };

	memset(&job, 0, sizeof job);
	if (recv(0, job.script, sizeof job.script - 1, 0) <= 0)
		return 1;
	job.prog = "/bin/sh";
	execle(job.prog, "sh", "-c", job.script, (char *)NULL, envp); /* BH-EXPECT: c.command-injection */
	return 127;
}
