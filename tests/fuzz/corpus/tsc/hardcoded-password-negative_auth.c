#include <stdlib.h>
#include <string.h>

static const char *password_prompt = "Password: ";
static const char *token_env = "API_TOKEN";

int check_login(const char *password)
{
	const char *expected = getenv("ADMIN_PASSWORD");
	if (!expected || strcmp(password, "") == 0)
		return 0;
	(void)password_prompt;
	(void)token_env;
	return strcmp(password, expected) == 0;
}
