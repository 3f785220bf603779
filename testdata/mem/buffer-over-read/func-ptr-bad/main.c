/* c.buffer-over-read, func-ptr, bad: the hash function, called through a
 * function pointer, is told the 12-byte key has 16 bytes. */
#include <stddef.h>
#include <string.h>

static unsigned long hash_bytes(const unsigned char *p, size_t n)
{
	unsigned long h = 5381;
	size_t i;

	for (i = 0; i < n; i++)
		h = h * 33 + p[i]; /* BH-EXPECT: c.buffer-over-read */
	return h;
}

unsigned long session_hash(unsigned uid, unsigned gid, unsigned pid)
{
	unsigned long (*hash)(const unsigned char *, size_t) = hash_bytes;
	unsigned char key[12];

	memcpy(key, &uid, 4);
	memcpy(key + 4, &gid, 4);
	memcpy(key + 8, &pid, 4);
	return hash(key, 16);
}
