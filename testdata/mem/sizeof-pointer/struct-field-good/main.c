/* c.sizeof-pointer, struct-field, good: the key field is an array, whose
 * size is the key length. */
#include <string.h>

struct cipher_ctx {
	unsigned char key[32];
	int rounds;
};

void cipher_set_key(struct cipher_ctx *c, const unsigned char *key)
{
	memcpy(c->key, key, sizeof(c->key));
}
