#include <stdio.h>
#include "strutil.h"

void server_hello(const char *who)
{
	struct name n;

	name_set(&n, who);
	printf(n.text);
}
