/* c.tainted-loop-bound, delimiter-distance, good: a key ends at the first
 * ':' of a line read from input, and a loop runs over the key, as many
 * times as the two pointers are apart. The input decides where the colon
 * is, not how large the line it sent is: the loop does no more work than
 * reading the line did. */
#include <stdio.h>
#include <string.h>

static unsigned long key_hash(const char *key, const char *end)
{
	unsigned long h = 5381;
	size_t len = (size_t)(end - key);
	for (size_t i = 0; i < len; i++)
		h = h * 33 + (unsigned char)key[i];
	return h;
}

int main(void)
{
	char line[512];
	unsigned long total = 0;
	while (fgets(line, sizeof line, stdin)) {
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		size_t keylen = (size_t)(colon - line);
		for (size_t i = 0; i < keylen; i++)
			total += line[i] == '-';
		total += key_hash(line, colon);
	}
	printf("%lu\n", total);
	return 0;
}
