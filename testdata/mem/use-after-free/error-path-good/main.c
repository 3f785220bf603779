/* c.use-after-free, error-path, good: the error label logs the message and
 * only then frees it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int send_reply(int fd, const char *body, size_t n)
{
	char *msg = malloc(n + 2);

	if (msg == NULL)
		return -1;
	memcpy(msg, body, n);
	msg[n] = '\n';
	msg[n + 1] = '\0';
	if (write(fd, msg, n + 1) != (ssize_t)(n + 1))
		goto fail;
	free(msg);
	return 0;
fail:
	fprintf(stderr, "short write of reply '%.16s'\n", msg);
	free(msg);
	return -1;
}
