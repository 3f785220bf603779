/* c.tainted-length, reader-table, bad: a length read through a
 * function pointer that is either a file reader or a buffer reader
 * reaches memcpy; the finding names the file read, not the reader's
 * state the other target copies from. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct reader {
	size_t (*read)(struct reader *r, void *buf, size_t n);
	const char *mem;
	FILE *fp;
};

static size_t file_read(struct reader *r, void *buf, size_t n)
{
	return fread(buf, 1, n, r->fp);
}

static size_t buffer_read(struct reader *r, void *buf, size_t n)
{
	memcpy(buf, r->mem, n);
	r->mem += n;
	return n;
}

static int read_exact(struct reader *r, void *buf, size_t n)
{
	return r->read(r, buf, n) == n;
}

int load(struct reader *r, const char *body)
{
	uint32_t len = 0;
	char out[64];
	if (!read_exact(r, &len, sizeof len))
		return -1;
	memcpy(out, body, len); /* BH-EXPECT: c.tainted-length */
	return out[0];
}

int main(int argc, char **argv)
{
	static const char image[8];
	struct reader mem = { buffer_read, image, NULL };
	struct reader file = { file_read, NULL, stdin };
	return load(argc > 1 ? &file : &mem, argv[0]);
}
