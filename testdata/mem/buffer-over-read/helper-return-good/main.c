/* c.buffer-over-read, helper-return, good: all 8 signature bytes are read
 * into sig before memcmp() compares them. */
#include <stdio.h>
#include <string.h>

static const unsigned char png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static size_t sig_len(void)
{
	return 8;
}

int is_png(FILE *fp)
{
	unsigned char sig[8];

	if (fread(sig, 1, sizeof(sig), fp) != sizeof(sig))
		return 0;
	return memcmp(sig, png_magic, sig_len()) == 0;
}
