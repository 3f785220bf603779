#include <string.h>

#include "include/config.h"

int main(int argc, char **argv)
{
	(void)api_token;
	return argc > 1 && strcmp(argv[1], "--version") == 0;
}
