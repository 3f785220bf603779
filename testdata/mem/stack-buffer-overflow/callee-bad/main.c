/* c.stack-buffer-overflow, callee, bad: a 16-byte digest takes 32 hex
 * digits plus a NUL, but the caller's buffer holds 32 bytes, so to_hex()
 * writes the terminator past its end. */
#include <stdio.h>
#include <stddef.h>

static void to_hex(char *out, const unsigned char *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0x0f];
	}
	out[2 * n] = '\0'; /* BH-EXPECT: c.stack-buffer-overflow */
}

int print_digest(const unsigned char *digest)
{
	char hex[32];

	to_hex(hex, digest, 16);
	return puts(hex);
}
