/* c.free-offset, local-copy, bad: 'val' points after the '=' of the copied
 * "key=value" pair, and is freed instead of the copy. */
#include <stdlib.h>
#include <string.h>

long pair_value(const char *pair)
{
	char *kv = strdup(pair);
	char *val;
	size_t klen;
	long v;

	if (kv == NULL)
		return -1;
	klen = strcspn(kv, "=");
	val = kv;
	if (val[klen] == '=')
		val += klen + 1;
	v = strtol(val, NULL, 10);
	free(val); /* BH-EXPECT: c.free-offset */
	return v;
}
