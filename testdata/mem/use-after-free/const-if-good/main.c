/* c.use-after-free, const-if, good: RELEASE_EARLY is 0, so the early free
 * is on an infeasible branch and the body is freed after the read. */
#include <stdlib.h>
#include <string.h>

static const int RELEASE_EARLY = 0;

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
	kind = body[0] & 0x0f;
	if (!RELEASE_EARLY)
		free(body);
	return kind;
}
