/* c.buffer-over-read, struct-field, bad: the log record has 32 bytes and
 * all 32 are copied from the 16-byte serial member of the device. */
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
	memcpy(rec, d->serial, sizeof(rec)); /* BH-EXPECT: c.buffer-over-read */
	return write(fd, rec, sizeof(rec)) < 0 ? -1 : 0;
}
