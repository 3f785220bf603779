// IR golden: switch with fall-through, stacked case labels, a default in
// the middle, a GNU case range, no default, switches nested in loops with
// break/continue, Duff's device (case labels inside a loop), and switches
// on a constant (a jump to the matching case or the default).
int sw(int c)
{
	int r = 0;
	switch (c) {
	case 0:
		r = 1;
		/* fall through */
	case 1:
	case 2:
		r += 2;
		break;
	default:
		r = -1;
	case 5:
		r *= 3;
		break;
	case 10 ... 12:
		return 7;
	}
	return r;
}

int sw_nodefault(int c)
{
	switch (c) {
	case 'a':
		return 1;
	case 'b': {
		int k = 0;
		for (int i = 0; i < c; i++) {
			switch (i) {
			case 1:
				continue;
			case 2:
				break;
			}
			if (k++ > 3)
				break;
		}
		return k;
	}
	}
	return 0;
}

void duff(char *to, const char *from, int count)
{
	int n = (count + 3) / 4;
	switch (count % 4) {
	case 0: do { *to++ = *from++;
	case 3:      *to++ = *from++;
	case 2:      *to++ = *from++;
	case 1:      *to++ = *from++;
		} while (--n > 0);
	}
}

int constant(int a)
{
	switch (7) {
	case 6:
		a = 1;
		break;
	default:
		a = 2;
		break;
	}
	switch (6) {
	case 6:
		a += 1;
	case 7:
		a += 2;
		break;
	default:
		a = 0;
	}
	return a;
}
