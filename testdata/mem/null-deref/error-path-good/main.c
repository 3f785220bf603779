/* c.null-deref, error-path, good: the error label only marks a message
 * that exists. */
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
	if (m != NULL)
		m->status = -1;
	return m;
}
