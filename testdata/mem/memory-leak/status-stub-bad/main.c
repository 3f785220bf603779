/* c.memory-leak, status-stub, bad: the store fails when the record has
 * no id; the status variable is assigned more than once and tested right
 * after the call: when the store fails, the record is dropped. */
#include <stdio.h>
#include <stdlib.h>

struct record {
	long id;
};

static struct record *kept;

static int store_add(struct record *r)
{
	return r->id == 0;
}

static int read_header(FILE *fp)
{
	return fgetc(fp) == EOF;
}

int load_one(FILE *fp)
{
	int rc = read_header(fp);
	if (rc)
		return rc;
	struct record *r = calloc(1, sizeof *r);
	if (!r)
		return 1;
	r->id = fgetc(fp);
	rc = store_add(r);
	if (rc == 0) {
		kept = r;
	} else {
		fclose(fp);
		return rc; /* BH-EXPECT: c.memory-leak */
	}
	return 0;
}
