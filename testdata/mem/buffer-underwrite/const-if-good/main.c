/* c.buffer-underwrite, const-if, good: STATIC_CONST_FIVE is 5, so the
 * pointer before the buffer is on the infeasible branch. */
#include <wchar.h>

static const int STATIC_CONST_FIVE = 5;

int label_width(void)
{
	wchar_t buf[100];
	wchar_t *data;

	if (STATIC_CONST_FIVE != 5)
		data = buf - 8;
	else
		data = buf;
	wcscpy(data, L"status: ready");
	return (int)wcslen(buf);
}
