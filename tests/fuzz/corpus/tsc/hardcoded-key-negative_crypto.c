typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct evp_cipher_st EVP_CIPHER;
typedef struct engine_st ENGINE;
int EVP_EncryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl,
		       const unsigned char *key, const unsigned char *iv);
int load_key(unsigned char *out, unsigned long len);

int seal(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *c)
{
	unsigned char key[32];
	if (load_key(key, sizeof key) != 0)
		return -1;
	return EVP_EncryptInit_ex(ctx, c, 0, key, 0);
}
