/* c.buffer-over-read, loop, good: the checksum loop stops at HDR_LEN. */
#include <stdio.h>

#define HDR_LEN 16

int header_checksum(FILE *fp)
{
	unsigned char hdr[HDR_LEN];
	unsigned sum = 0;
	int i;

	if (fread(hdr, 1, sizeof(hdr), fp) != sizeof(hdr))
		return -1;
	for (i = 0; i < HDR_LEN; i++)
		sum = (sum << 1 | sum >> 31) ^ hdr[i];
	return (int)(sum & 0xffff);
}
