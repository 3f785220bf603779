/* c.tainted-alloc-size, struct-field, good: the received record count is bounded
 * above before it sizes the array. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>

struct header {
	uint32_t magic;
	uint32_t count;
};

struct record {
	uint64_t id;
	double value;
};

int main(void)
{
	struct header hdr;
	struct header *p = &hdr;

	if (recv(0, &hdr, sizeof hdr, MSG_WAITALL) != (ssize_t)sizeof hdr)
		return 1;
	if (p->count == 0 || p->count > 4096)
		return 1;
	struct record *recs = malloc(p->count * sizeof *recs);
	if (recs == NULL)
		return 1;
	free(recs);
	return 0;
}
