#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char name[16];
	if (argc > 1)
		strcpy(name, argv[1]);
	else
		strcpy(name, "none");
	puts(name);
	return 0;
}
