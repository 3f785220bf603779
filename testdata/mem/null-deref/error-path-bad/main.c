/* c.null-deref, error-path, bad: an oversized message jumps to the error
 * label before 'm' is allocated, and the label writes its status. */
#include <stdlib.h>
#include <string.h>

#define MSG_MAX 256

struct msg {
	int status;
	size_t len;
	char data[MSG_MAX];
};

struct msg *msg_build(const char *payload, size_t len)
{
	struct msg *m = NULL;

	if (len > MSG_MAX)
		goto fail;
	m = calloc(1, sizeof *m);
	if (m == NULL)
		return NULL;
	memcpy(m->data, payload, len);
	m->len = len;
	return m;
fail:
	m->status = -1; /* BH-EXPECT: c.null-deref */
	return m;
}
