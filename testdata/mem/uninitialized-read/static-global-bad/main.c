/* c.uninitialized-read, static-global, bad: nothing ever sets timing_on,
 * so the start time is never taken, but a failed request computes the
 * elapsed time from it. */
static int timing_on = 0;

long now_ms(void);

int handle_request(int status)
{
	long started;

	if (timing_on)
		started = now_ms();
	if (status != 0)
		return (int)(now_ms() - started); /* BH-EXPECT: c.uninitialized-read */
	return 0;
}
