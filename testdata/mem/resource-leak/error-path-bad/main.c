/* c.resource-leak, error-path, bad: a short header read returns early and
 * leaves the archive open. */
#include <stdint.h>
#include <stdio.h>

struct arc_header {
	uint32_t magic;
	uint16_t version;
	uint16_t flags;
};

int archive_version(const char *path)
{
	struct arc_header h;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return -1;
	if (fread(&h, sizeof h, 1, f) != 1)
		return -1; /* BH-EXPECT: c.resource-leak */
	fclose(f);
	if (h.magic != 0x41524331u)
		return -1;
	return h.version;
}
