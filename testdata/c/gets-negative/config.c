/* The project's own gets(): a configuration lookup that happens to share
 * the name. It is not the C library's function and must not be reported. */
#include <string.h>

struct entry {
	const char *key;
	const char *value;
};

static const struct entry table[] = {
	{ "listen", "0.0.0.0:8080" },
	{ "workers", "4" },
};

const char *gets(const char *key)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(table[i].key, key) == 0)
			return table[i].value;
	}
	return NULL;
}

const char *listen_address(void)
{
	return gets("listen");
}
