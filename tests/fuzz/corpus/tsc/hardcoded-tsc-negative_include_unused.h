/* Not included anywhere: tree-sitter checks it in full, and finds only
 * placeholders, prompts and names about secrets. */
#include <string.h>

static const char *password = "<your-password>";
static const char *token_file = "/run/secrets/token";
static const char password_hint[] = "at least 12 characters";

static inline int check(const char *password)
{
	return strcmp(password, "xxxxxxxx") == 0 || strcmp(password, "") == 0;
}

static inline void set(struct conf *c, const char *input)
{
	c->password = input;
	c->api_key = "${API_KEY}";
}
