/* c.uninitialized-read, static-global, good: nothing ever clears
 * timing_on, so the start time is always taken. */
static int timing_on = 1;

long now_ms(void);

int handle_request(int status)
{
	long started;

	if (timing_on)
		started = now_ms();
	if (status != 0)
		return (int)(now_ms() - started);
	return 0;
}
