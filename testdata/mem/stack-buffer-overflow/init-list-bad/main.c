/* c.stack-buffer-overflow, init-list, bad: the buffer is initialised with
 * a directory and the file name appended does not fit after it. */
#include <stdio.h>
#include <string.h>

int open_config(void)
{
	char path[20] = "/var/lib/service/";

	strcat(path, "config.json"); /* BH-EXPECT: c.stack-buffer-overflow */
	return puts(path);
}
