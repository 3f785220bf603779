/* c.memory-leak, status-stub, good: a tool links a stub of the store
 * that always succeeds (mosquitto's db_dump and its stubs.c). The status
 * variable is assigned more than once, but the test follows the call in
 * its block: the path that would drop the record cannot be taken. */
#include <stdio.h>
#include <stdlib.h>

struct record {
	long id;
};

static struct record *kept;

static int store_add(struct record *r)
{
	(void)r;
	return 0;
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
	r->id = 7;
	rc = store_add(r);
	if (rc == 0) {
		kept = r;
	} else {
		fclose(fp);
		return rc;
	}
	return 0;
}
