/* c.unchecked-null, helper-return, good: an unknown extension falls back to
 * application/octet-stream. */
#include <stddef.h>
#include <string.h>

struct mime {
	const char *ext;
	const char *type;
};

static const struct mime mimes[] = {
	{ "html", "text/html" }, { "css", "text/css" }, { "png", "image/png" },
};

static const struct mime *lookup(const char *ext)
{
	size_t i;

	for (i = 0; i < sizeof mimes / sizeof mimes[0]; i++)
		if (strcmp(mimes[i].ext, ext) == 0)
			return &mimes[i];
	return NULL;
}

const char *content_type(const char *ext)
{
	const struct mime *m = lookup(ext);

	if (m == NULL)
		return "application/octet-stream";
	return m->type;
}
