/* c.memory-leak, member-init, good: the error path after initialising a
 * member releases the block. */
#include <pthread.h>
#include <stdlib.h>

struct queue { pthread_mutex_t lock; int size; };

struct queue *queue_new(int size)
{
	struct queue *q = malloc(sizeof *q);
	if (!q)
		return NULL;
	if (pthread_mutex_init(&q->lock, NULL) != 0) {
		free(q);
		return NULL;
	}
	q->size = size;
	return q;
}

int main(void)
{
	struct queue *q = queue_new(4);
	free(q);
	return 0;
}
