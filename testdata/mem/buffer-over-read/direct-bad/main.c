/* c.buffer-over-read, direct, bad: the fixed 100-byte record is filled
 * by copying 100 bytes out of the 50-byte name buffer. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int write_user_record(int fd, const char *user)
{
	char name[50];
	char record[100];

	snprintf(name, sizeof(name), "%s", user);
	memset(record, 0, sizeof(record));
	memcpy(record, name, sizeof(record)); /* BH-EXPECT: c.buffer-over-read */
	return write(fd, record, sizeof(record)) < 0 ? -1 : 0;
}
