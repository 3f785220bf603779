/* c.heap-buffer-overflow, callee, good: read_exact() is asked for as
 * many bytes as the nonce block holds. */
#include <stdlib.h>
#include <unistd.h>

static int read_exact(int fd, unsigned char *p, size_t n)
{
	ssize_t r = read(fd, p, n);

	return r == (ssize_t)n ? 0 : -1;
}

unsigned char *load_nonce(int fd)
{
	unsigned char *nonce = malloc(12);

	if (nonce == NULL)
		return NULL;
	if (read_exact(fd, nonce, 12) != 0) {
		free(nonce);
		return NULL;
	}
	return nonce;
}
