/* c.stack-buffer-overflow, format, good: every sprintf() fits: the
 * number's range is checked and the string cut by a precision. */
#include <stdio.h>
#include <string.h>

void log_port(int port, const char *user)
{
	char label[12];
	char banner[16];
	char name[24];

	if (port < 0 || port > 65535)
		return;
	sprintf(label, "port=%05d", port);
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	sprintf(banner, "[%.13s]", name);
	puts(label);
	puts(banner);
	sprintf(banner, "%.14s", user);
	puts(banner);
}
