#include <stdlib.h>

int main(void)
{
	return system("rm -f /tmp/cache") == 0 ? 0 : 1;
}
