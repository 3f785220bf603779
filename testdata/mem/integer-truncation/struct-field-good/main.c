/* c.integer-truncation, struct-field, good: a 16-bit length from the wire,
 * checked with `len == 0 || len > 255`, is stored in an 8-bit field that sizes the name. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	uint8_t name_len;
	char *name;
};

int parse_entry(const unsigned char *msg, struct entry *out)
{
	struct entry e;
	uint16_t be;

	memcpy(&be, msg, 2);
	uint16_t len = ntohs(be);
	if (len == 0 || len > 255)
		return -1;
	e.name_len = len;
	e.name = malloc(e.name_len);
	if (e.name == NULL)
		return -1;
	*out = e;
	return 0;
}
