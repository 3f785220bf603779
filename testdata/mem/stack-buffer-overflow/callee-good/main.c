/* c.stack-buffer-overflow, callee, good: the caller's buffer has room
 * for the 32 hex digits and the terminating NUL. */
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
	out[2 * n] = '\0';
}

int print_digest(const unsigned char *digest)
{
	char hex[33];

	to_hex(hex, digest, 16);
	return puts(hex);
}
