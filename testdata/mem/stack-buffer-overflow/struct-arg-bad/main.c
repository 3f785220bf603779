/* c.stack-buffer-overflow, struct argument, bad: the request passed by
 * value carries channel 4, and tally() only rejects negative channels of
 * its four. */
#include <stdio.h>

struct request {
	int channel;
	int weight;
};

static void tally(struct request req)
{
	int totals[4] = { 0 };

	if (req.channel >= 0) {
		totals[req.channel] = req.weight; /* BH-EXPECT: c.stack-buffer-overflow */
		printf("%d\n", totals[0]);
	}
}

void tally_default(int weight)
{
	struct request req;

	req.channel = 4;
	req.weight = weight;
	tally(req);
}
