/* c.toctou, const-if, good: CHECK_WRITABLE is 0, so no check ever runs
 * before the truncation. */
#include <unistd.h>

static const int CHECK_WRITABLE = 0;

int reset_log(const char *path)
{
	if (CHECK_WRITABLE && access(path, W_OK) != 0)
		return -1;
	return truncate(path, 0);
}
