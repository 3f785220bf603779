/* c.stack-address-escape, loop, good: each label is built in storage the
 * caller provides. */
#include <stdio.h>

void label_ports(const int *ports, int n, char (*labels)[16])
{
	int i;

	for (i = 0; i < n; i++)
		snprintf(labels[i], sizeof labels[i], "port-%d", ports[i]);
}
