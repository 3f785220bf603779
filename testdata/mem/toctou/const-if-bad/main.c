/* c.toctou, const-if, bad: CHECK_WRITABLE is 1, so the access() check runs
 * and the file is then truncated by name. */
#include <unistd.h>

static const int CHECK_WRITABLE = 1;

int reset_log(const char *path)
{
	if (CHECK_WRITABLE && access(path, W_OK) != 0)
		return -1;
	return truncate(path, 0); /* BH-EXPECT: c.toctou */
}
