/* c.stack-address-escape, loop, bad: each label is built in an array local
 * to the loop body, and its address is stored in the caller's table. */
#include <stdio.h>

void label_ports(const int *ports, int n, const char **labels)
{
	int i;

	for (i = 0; i < n; i++) {
		char label[16];

		snprintf(label, sizeof label, "port-%d", ports[i]);
		labels[i] = label; /* BH-EXPECT: c.stack-address-escape */
	}
}
