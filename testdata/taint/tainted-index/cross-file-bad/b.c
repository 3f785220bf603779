/* b.c: looks up the port whose index a.c received (c.tainted-index,
 * cross-file, bad). */
#include <stdio.h>
#include "shared.h"

static const unsigned short ports[4] = { 80, 443, 8080, 8443 };

int main(void)
{
	int i = read_index(0);

	printf("%u\n", (unsigned)ports[i]); /* BH-EXPECT: c.tainted-index */
	return 0;
}
