// SPDX-License-Identifier: MIT
// jansson helpers shared by the JSON writers (include/bulkhead/json.h).
#include <stdlib.h>
#include <string.h>

#include "bulkhead/json.h"
#include "bulkhead/text.h"

json_t *bh_json_string(const char *s)
{
	if (!s)
		return json_null();
	size_t n;
	char *fixed = bh_utf8_repair(s, strlen(s), &n);
	json_t *j = json_stringn(fixed ? fixed : s, n);
	free(fixed);
	return j;
}
