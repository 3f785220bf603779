typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct engine_st ENGINE;
typedef struct aes_key_st { unsigned int rd_key[60]; int rounds; } AES_KEY;
int EVP_EncryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl,
		       const unsigned char *key, const unsigned char *iv);
int AES_set_encrypt_key(const unsigned char *userKey, const int bits, AES_KEY *key);

static const unsigned char master[16] = { 0x3a, 0x91, 0x5c, 0x07, 0xe2, 0x48, 0xbd, 0x16,
					  0x7f, 0xc3, 0x2e, 0x9a, 0x54, 0x81, 0x0d, 0xf6 };
static const char *aes_key = "Lq7Zx2Vm9Tk4Rp8W";

int seal(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *c, AES_KEY *k)
{
	AES_set_encrypt_key(master, 128, k);
	(void)aes_key;
	return EVP_EncryptInit_ex(ctx, c, 0, (const unsigned char *)"Kd8Lq2Zx7Tm3Vb8N", 0);
}
