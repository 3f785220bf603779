/* c.buffer-over-read, helper-return, bad: sig_len() is the 8 bytes of
 * the PNG signature, but only 4 bytes were read into sig, and memcmp()
 * compares 8. */
#include <stdio.h>
#include <string.h>

static const unsigned char png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static size_t sig_len(void)
{
	return 8;
}

int is_png(FILE *fp)
{
	unsigned char sig[4];

	if (fread(sig, 1, sizeof(sig), fp) != sizeof(sig))
		return 0;
	return memcmp(sig, png_magic, sig_len()) == 0; /* BH-EXPECT: c.buffer-over-read */
}
