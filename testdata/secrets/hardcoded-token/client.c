/* secret.hardcoded-password: tokens that look generated are credentials. */
#include <stddef.h>
#include <string.h>

struct client { const char *access_token; };

static const char *api_token = "q7Rz2Kx9Lm4Vt8Wp";

void client_init(struct client *c)
{
	c->access_token = "eyJ0eXAiOiJKV1Qi.x9Kq2";
	(void)api_token;
}

/* A token compared with a generated value is one, separators or not. */
int client_check(const char *token)
{
	return strcmp(token, "tok_9fA2kQ7xLm3Z") == 0 || strcmp(token, "a81f-03c9-77d2-4e10") == 0;
}
