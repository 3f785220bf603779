/* c.stack-buffer-overflow, format, bad: sprintf() formats more text than
 * the buffer holds: a string of known length, and a number whose range
 * the program checked. */
#include <stdio.h>
#include <string.h>

void log_port(int port)
{
	char label[12];
	char banner[16];
	char name[24];

	if (port < 0 || port > 65535)
		return;
	sprintf(label, "port=%06d:", port); /* BH-EXPECT: c.stack-buffer-overflow */
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	sprintf(banner, "[%s]", name); /* BH-EXPECT: c.stack-buffer-overflow */
	puts(label);
	puts(banner);
}
