#include <stdio.h>
#include "strutil.h"

void client_hello(const char *who)
{
	struct name n;

	name_set(&n, who);
	printf("client %s\n", n.text);
}
