/* c.stack-buffer-overflow, func-ptr, bad: the padding routine, called
 * through a function pointer, zero-fills up to a 64-byte block, but the
 * block was alloca'd with 56 bytes. */
#include <alloca.h>
#include <string.h>

static void pad_block(unsigned char *blk, size_t used)
{
	blk[used] = 0x80;
	memset(blk + used + 1, 0, 64 - used - 1); /* BH-EXPECT: c.stack-buffer-overflow */
}

int hash_tail(const unsigned char *msg, size_t n)
{
	void (*pad)(unsigned char *, size_t) = pad_block;
	unsigned char *block = alloca(56);

	if (n < 8)
		return -1;
	memcpy(block, msg, 8);
	pad(block, 8);
	return block[0] ^ block[55];
}
