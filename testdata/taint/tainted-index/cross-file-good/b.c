/* b.c: looks up the port whose index a.c received (c.tainted-index,
 * cross-file, good: the index is checked
 * against both ends of the table first). */
#include <stdio.h>
#include "shared.h"

static const unsigned short ports[4] = { 80, 443, 8080, 8443 };

int main(void)
{
	int i = read_index(0);
	if (i < 0 || i >= 4)
		return 1;
	printf("%u\n", (unsigned)ports[i]);
	return 0;
}
