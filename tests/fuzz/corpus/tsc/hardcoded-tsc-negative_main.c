#include <stdio.h>
#include <stdlib.h>

#define PASSWORD_PROMPT "Password: "
#define KEY_LEN 32
#define API_TOKEN_ENV "API_TOKEN"
#define DB_PASSWORD "changeme"
#define SECRET_KEY getenv("SECRET_KEY")
#define TOKEN_FMT "token=%s"

int main(void)
{
	const char *token = SECRET_KEY;
	printf(PASSWORD_PROMPT);
	printf(TOKEN_FMT, token ? token : "");
	return KEY_LEN > 0 ? 0 : 1;
}
