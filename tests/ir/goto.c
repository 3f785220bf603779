// IR golden: goto into the middle of a loop, forward gotos to cleanup
// labels, and dead code after a goto (dropped).
int into_loop(int n)
{
	int i = 0;
	if (n > 5)
		goto inside;
	while (i < n) {
		i += 2;
inside:
		i++;
	}
	goto done;
	i = 100;
done:
	return i;
}

int cleanup(int fd)
{
	int rc = -1;
	if (fd < 0)
		goto out;
	if (fd == 0)
		goto out_close;
	rc = 0;
out_close:
	fd = -1;
out:
	return rc + fd;
}

int backward(int n)
{
again:
	n--;
	if (n > 0)
		goto again;
	return n;
}
