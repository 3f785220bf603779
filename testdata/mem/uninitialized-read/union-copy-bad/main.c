/* c.uninitialized-read, union-copy, bad: the raw value, never set when
 * the frame is short, goes through a union and is then used. */
union word {
	unsigned int raw;
	int signed_value;
};

int decode(const unsigned char *frame, int len)
{
	unsigned int raw;
	union word w;
	int v;

	if (len >= 2)
		raw = (unsigned int)(frame[0] | frame[1] << 8);
	w.raw = raw;
	v = w.signed_value;
	return v * 2; /* BH-EXPECT: c.uninitialized-read */
}
