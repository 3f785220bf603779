/* c.toctou, static-global, bad: the control socket's name is a static
 * array; a stale socket is detected with lstat() and removed by name. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char ctl_path[108];

void set_ctl_dir(const char *dir)
{
	snprintf(ctl_path, sizeof(ctl_path), "%s/ctl.sock", dir);
}

void remove_stale_socket(void)
{
	struct stat st;

	if (lstat(ctl_path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(ctl_path); /* BH-EXPECT: c.toctou */
}
