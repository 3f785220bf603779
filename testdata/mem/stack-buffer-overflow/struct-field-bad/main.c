/* c.stack-buffer-overflow, struct-field, bad: a 64-byte wire record is
 * copied into the 32-byte payload member of a local struct. */
#include <stdint.h>
#include <string.h>

struct packet {
	uint16_t kind;
	uint16_t len;
	char payload[32];
};

int packet_kind(const unsigned char *wire, size_t n)
{
	struct packet pkt;

	if (n < 64)
		return -1;
	pkt.kind = (uint16_t)(wire[0] << 8 | wire[1]);
	pkt.len = 64;
	memcpy(pkt.payload, wire, 64); /* BH-EXPECT: c.stack-buffer-overflow */
	return pkt.kind == 1 && pkt.payload[4] == 'x';
}
