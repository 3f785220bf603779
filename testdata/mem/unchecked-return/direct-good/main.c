/* c.unchecked-return, direct, good: every privilege change is checked and
 * a failure stops the worker. */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int become_worker(const char *user)
{
	struct passwd *pw = getpwnam(user);

	if (pw == NULL)
		return -1;
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0)
		return -1;
	if (setuid(pw->pw_uid) != 0)
		return -1;
	printf("running as %s\n", user);
	return 0;
}
