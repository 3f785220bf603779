typedef struct aes_key_st { unsigned int rd_key[60]; int rounds; } AES_KEY;
int AES_set_encrypt_key(const unsigned char *userKey, const int bits, AES_KEY *key);

#define AES_KEY_LEN 16
#define AES_KEY_BYTES "Jx5Rv9Lk2Tq7Wm3N"
#define HMAC_SECRET ("Pn4Yc8Hd2Vs6" "Bq9Kx3")

int seal(AES_KEY *k)
{
	return AES_set_encrypt_key((const unsigned char *)AES_KEY_BYTES, AES_KEY_LEN * 8, k);
}

const char *hmac_secret(void)
{
	return HMAC_SECRET;
}
