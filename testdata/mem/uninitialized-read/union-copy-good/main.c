/* c.uninitialized-read, union-copy, good: the unset value goes through
 * the union, but what came out is replaced before any use. */
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
	v = len;
	return v * 2;
}
