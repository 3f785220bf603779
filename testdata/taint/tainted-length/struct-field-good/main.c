/* c.tainted-length, struct-field, good: the packet's length field is checked
 * against the destination before the memmove. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

struct packet {
	uint16_t len;
	char data[256];
};

int main(void)
{
	struct packet pkt;
	struct packet *p = &pkt;
	char out[64];

	memset(&pkt, 0, sizeof pkt);
	memset(out, 0, sizeof out);
	if (recv(0, &pkt, sizeof pkt, 0) <= 0)
		return 1;
	if (p->len > sizeof out)
		return 1;
	memmove(out, p->data, p->len);
	return out[0] == 'Q';
}
