/* c.buffer-over-read, direct, good: only the name buffer's 50 bytes are
 * copied into the zeroed record. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int write_user_record(int fd, const char *user)
{
	char name[50];
	char record[100];

	snprintf(name, sizeof(name), "%s", user);
	memset(record, 0, sizeof(record));
	memcpy(record, name, sizeof(name));
	return write(fd, record, sizeof(record)) < 0 ? -1 : 0;
}
