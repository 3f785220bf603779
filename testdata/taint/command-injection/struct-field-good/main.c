/* c.command-injection, struct-field, good: the received script is only logged;
 * the program run comes from the other, constant field. */
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
	job.prog = "/bin/true";
	fprintf(stderr, "ignored: %s\n", job.script);
	execle(job.prog, "true", (char *)NULL, envp);
	return 127;
}
