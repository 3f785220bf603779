/* c.heap-buffer-overflow, random-branch, bad: a load test sends a short or
 * a long frame at random, but always copies a long frame's worth. The
 * side that allocated 32 bytes runs on half of the calls. */
#include <stdlib.h>
#include <string.h>

static int coin(void)
{
	return rand() % 2;
}

void send_frame(const char *payload)
{
	char *frame;
	if (coin())
		frame = malloc(32);
	else
		frame = malloc(256);
	if (frame == NULL)
		return;
	memcpy(frame, payload, 256); /* BH-EXPECT: c.heap-buffer-overflow */
	free(frame);
}
