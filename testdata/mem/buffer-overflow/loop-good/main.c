/* c.buffer-overflow, loop, good: the key schedule loop stops at KEY_LEN. */
#define KEY_LEN 16

static unsigned char g_key[KEY_LEN];

void key_derive(const unsigned char *seed, unsigned seed_len)
{
	unsigned i;

	if (seed_len == 0)
		return;
	for (i = 0; i < KEY_LEN; i++)
		g_key[i] = (unsigned char)(seed[i % seed_len] ^ (0x5c + i));
}

unsigned char key_byte(unsigned i)
{
	return i < KEY_LEN ? g_key[i] : 0;
}
