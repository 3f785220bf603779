/* c.resource-leak, loop, bad: each candidate config file is opened over the
 * previous stream, which is never closed. */
#include <stdio.h>

static const char *const candidates[] = {
	"/etc/app/app.conf", "/usr/local/etc/app.conf", "/opt/app/app.conf",
};

int last_readable_config(void)
{
	FILE *f = NULL;
	int found = -1;
	unsigned i;

	for (i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		f = fopen(candidates[i], "r"); /* BH-EXPECT: c.resource-leak */
		if (f != NULL)
			found = (int)i;
	}
	if (f != NULL)
		fclose(f);
	return found;
}
