/* secret.hardcoded-password: tokens that look generated are credentials. */
#include <stddef.h>

struct client { const char *access_token; };

static const char *api_token = "q7Rz2Kx9Lm4Vt8Wp";

void client_init(struct client *c)
{
	c->access_token = "eyJ0eXAiOiJKV1Qi.x9Kq2";
	(void)api_token;
}
