/* c.heap-buffer-overflow, random-branch, good: the length follows the
 * same remembered flip as the allocation, and a random choice between two
 * blocks that both hold the copy is fine. */
#include <stdlib.h>
#include <string.h>

static int coin(void)
{
	return rand() % 2;
}

void send_frame(const char *payload)
{
	char *frame;
	int small = coin();
	if (small)
		frame = malloc(32);
	else
		frame = malloc(256);
	if (frame == NULL)
		return;
	memcpy(frame, payload, small ? 32 : 256);
	free(frame);
}

void send_other(const char *payload)
{
	char *frame;
	if (coin())
		frame = malloc(64);
	else
		frame = malloc(256);
	if (frame == NULL)
		return;
	memcpy(frame, payload, 64);
	free(frame);
}
