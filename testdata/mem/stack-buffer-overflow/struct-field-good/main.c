/* c.stack-buffer-overflow, struct-field, good: only as many bytes as the
 * payload member holds are copied. */
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
	pkt.len = (uint16_t)sizeof(pkt.payload);
	memcpy(pkt.payload, wire, sizeof(pkt.payload));
	return pkt.kind == 1 && pkt.payload[4] == 'x';
}
