/* c.unchecked-null, helper-return, bad: lookup() returns NULL for an
 * unknown MIME extension; is_known() checks that, content_type() reads the
 * entry unchecked. A program function's NULL is reported where its other
 * callers check it. */
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

int is_known(const char *ext)
{
	if (lookup(ext) == NULL)
		return 0;
	return 1;
}

const char *content_type(const char *ext)
{
	const struct mime *m = lookup(ext);

	return m->type; /* BH-EXPECT: c.unchecked-null */
}
