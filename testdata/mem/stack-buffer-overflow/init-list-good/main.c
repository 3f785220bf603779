/* c.stack-buffer-overflow, init-list, good: the buffer initialised with a
 * directory has room for the file name appended to it. */
#include <stdio.h>
#include <string.h>

int open_config(void)
{
	char path[32] = "/var/lib/service/";

	strcat(path, "config.json");
	return puts(path);
}
