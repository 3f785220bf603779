/* c.free-offset, local-copy, good: the copy is freed through its start,
 * not through the advanced 'val'. */
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
	free(kv);
	return v;
}
