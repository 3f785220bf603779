/* c.stack-buffer-overflow, struct argument, good: the request passed by
 * value carries channel 3, the last of the four tally() keeps. */
#include <stdio.h>

struct request {
	int channel;
	int weight;
};

static void tally(struct request req)
{
	int totals[4] = { 0 };

	if (req.channel >= 0) {
		totals[req.channel] = req.weight;
		printf("%d\n", totals[0]);
	}
}

void tally_default(int weight)
{
	struct request req;

	req.channel = 3;
	req.weight = weight;
	tally(req);
}
