/* c.sizeof-pointer, struct-field, bad: the key field is a pointer, and
 * only as many bytes as a pointer has are copied into it. */
#include <string.h>

struct cipher_ctx {
	unsigned char *key;
	int rounds;
};

void cipher_set_key(struct cipher_ctx *c, const unsigned char *key)
{
	memcpy(c->key, key, sizeof(c->key)); /* BH-EXPECT: c.sizeof-pointer */
}
