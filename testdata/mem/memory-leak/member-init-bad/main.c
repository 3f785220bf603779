/* c.memory-leak, member-init, bad: a library call initialises a member of
 * the block (it is given the member's address, not the block to keep);
 * the error path forgets the block. */
#include <pthread.h>
#include <stdlib.h>

struct queue { pthread_mutex_t lock; int size; };

struct queue *queue_new(int size)
{
	struct queue *q = malloc(sizeof *q);
	if (!q)
		return NULL;
	if (pthread_mutex_init(&q->lock, NULL) != 0)
		return NULL; /* BH-EXPECT: c.memory-leak */
	q->size = size;
	return q;
}

int main(void)
{
	struct queue *q = queue_new(4);
	free(q);
	return 0;
}
