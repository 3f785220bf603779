/* c.heap-buffer-overflow, callee, bad: the nonce block has 12 bytes but
 * read_exact() is asked to read 16 into it. */
#include <stdlib.h>
#include <unistd.h>

static int read_exact(int fd, unsigned char *p, size_t n)
{
	ssize_t r = read(fd, p, n); /* BH-EXPECT: c.heap-buffer-overflow */

	return r == (ssize_t)n ? 0 : -1;
}

unsigned char *load_nonce(int fd)
{
	unsigned char *nonce = malloc(12);

	if (nonce == NULL)
		return NULL;
	if (read_exact(fd, nonce, 16) != 0) {
		free(nonce);
		return NULL;
	}
	return nonce;
}
