/* c.unchecked-return, direct, bad: the worker drops root with setgid()
 * and setuid() and never looks at whether setuid() worked. */
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
	setuid(pw->pw_uid); /* BH-EXPECT: c.unchecked-return */
	printf("running as %s\n", user);
	return 0;
}
