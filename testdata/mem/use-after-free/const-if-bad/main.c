/* c.use-after-free, const-if, bad: RELEASE_EARLY is 1, so the body is
 * freed before its length prefix is read. */
#include <stdlib.h>
#include <string.h>

static const int RELEASE_EARLY = 1;

int body_kind(const unsigned char *data, size_t n)
{
	unsigned char *body = malloc(n);
	int kind;

	if (body == NULL || n == 0) {
		free(body);
		return -1;
	}
	memcpy(body, data, n);
	if (RELEASE_EARLY)
		free(body);
	kind = body[0] & 0x0f; /* BH-EXPECT: c.use-after-free */
	if (!RELEASE_EARLY)
		free(body);
	return kind;
}
