/* Literals that can never fit the array they are copied into. */
#include <stdio.h>
#include <string.h>

#define PRODUCT "Bulkhead Enterprise Edition"

struct hdr {
	char magic[4];
	char version[8];
};

void fill(struct hdr *h, char *title)
{
	char banner[16];

	strcpy(h->magic, "BHDR");          /* 5 bytes with the NUL */
	strcpy(banner, PRODUCT);            /* through a macro */
	sprintf(h->version, "v%d.%d.%d-beta", 1, 2, 3);
	strcat(banner, "a string of twenty-five");
	/* Escapes count as one byte each: "\x41\x42..." is 9 bytes. */
	strcpy(h->version, "\x41\x42\x43\x44\x45\x46\x47\x48");
	puts(banner);
	(void)title;
}
