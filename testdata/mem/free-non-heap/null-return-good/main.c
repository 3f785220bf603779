/* c.free-non-heap, null-return, good: the JSON null value is a NULL
 * object (json-c's json_object_new_null()), and releasing NULL does
 * nothing: no static memory is released. */
#include <stdio.h>
#include <stdlib.h>

struct value {
	int refs;
	char *text;
};

struct value *value_new_null(void)
{
	return NULL;
}

static void value_put(struct value *v)
{
	if (v == NULL)
		return;
	free(v->text);
	free(v);
}

void print_and_drop(FILE *out, struct value *v)
{
	fprintf(out, "%s\n", v != NULL && v->text != NULL ? v->text : "null");
	value_put(v);
}

int main(void)
{
	print_and_drop(stdout, value_new_null());
	return 0;
}
