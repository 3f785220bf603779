/* Reading a line the safe way: fgets() with the buffer's size. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[128];

	if (fgets(line, sizeof line, stdin) == NULL)
		return 1;
	line[strcspn(line, "\n")] = '\0';
	printf("%s\n", line);
	return 0;
}
