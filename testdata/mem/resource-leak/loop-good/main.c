/* c.resource-leak, loop, good: each candidate config file is closed in the
 * iteration that opened it. */
#include <stdio.h>

static const char *const candidates[] = {
	"/etc/app/app.conf", "/usr/local/etc/app.conf", "/opt/app/app.conf",
};

int last_readable_config(void)
{
	FILE *f;
	int found = -1;
	unsigned i;

	for (i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		f = fopen(candidates[i], "r");
		if (f != NULL) {
			found = (int)i;
			fclose(f);
		}
	}
	return found;
}
