/* Literals that fit exactly, escapes that shrink, and bounded calls. */
#include <stdio.h>
#include <string.h>

#define TAG "v1.2.3"

struct hdr {
	char magic[4];
	char version[8];
	char name[16];
};

void fill(struct hdr *h)
{
	strcpy(h->magic, "BHD");             /* 4 bytes with the NUL: exact fit */
	strcpy(h->version, TAG);
	/* Twenty-eight characters of source, but seven bytes. */
	strcpy(h->version, "\x41\x42\x43\x44\x45\x46\x47");
	/* Only the bytes before the embedded NUL are copied. */
	strcpy(h->magic, "ab\0cdefgh");
	sprintf(h->name, "%s-%s", "bulk", "head");   /* 10 bytes */
	sprintf(h->version, "%c%c", 'o', 'k');
	/* snprintf truncates instead of overflowing. */
	snprintf(h->version, sizeof h->version, "%s", "a much longer version string");
}
