/* c.buffer-overflow, loop, bad: the key schedule loop runs to
 * i <= KEY_LEN and writes one byte past the 16-byte global key. */
#define KEY_LEN 16

static unsigned char g_key[KEY_LEN];

void key_derive(const unsigned char *seed, unsigned seed_len)
{
	unsigned i;

	if (seed_len == 0)
		return;
	for (i = 0; i <= KEY_LEN; i++)
		g_key[i] = (unsigned char)(seed[i % seed_len] ^ (0x5c + i)); /* BH-EXPECT: c.buffer-overflow */
}

unsigned char key_byte(unsigned i)
{
	return i < KEY_LEN ? g_key[i] : 0;
}
