/* c.toctou, static-global, good: the stale socket is removed without a
 * check first; a missing file is fine. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static char ctl_path[108];

void set_ctl_dir(const char *dir)
{
	snprintf(ctl_path, sizeof(ctl_path), "%s/ctl.sock", dir);
}

int remove_stale_socket(void)
{
	if (unlink(ctl_path) != 0 && errno != ENOENT)
		return -1;
	return 0;
}
