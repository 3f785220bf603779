/* c.resource-leak, error-path, good: every exit after fopen goes through
 * the cleanup label that closes the archive. */
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
	int rc = -1;

	if (f == NULL)
		return -1;
	if (fread(&h, sizeof h, 1, f) != 1)
		goto out;
	if (h.magic != 0x41524331u)
		goto out;
	rc = h.version;
out:
	fclose(f);
	return rc;
}
