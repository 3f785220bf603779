/* c.buffer-over-read, struct-field, good: only the serial member's 16
 * bytes are copied into the zeroed record. */
#include <string.h>
#include <unistd.h>

struct device {
	int id;
	char serial[16];
};

int device_log(int fd, const struct device *d)
{
	char rec[32];

	memset(rec, 0, sizeof(rec));
	memcpy(rec, d->serial, sizeof(d->serial));
	return write(fd, rec, sizeof(rec)) < 0 ? -1 : 0;
}
