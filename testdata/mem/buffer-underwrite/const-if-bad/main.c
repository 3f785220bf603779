/* c.buffer-underwrite, const-if, bad: STATIC_CONST_FIVE is 5, so the
 * wide label is copied to 8 characters before the buffer. */
#include <wchar.h>

static const int STATIC_CONST_FIVE = 5;

int label_width(void)
{
	wchar_t buf[100];
	wchar_t *data;

	if (STATIC_CONST_FIVE == 5)
		data = buf - 8;
	else
		data = buf;
	wcscpy(data, L"status: ready"); /* BH-EXPECT: c.buffer-underwrite */
	return (int)wcslen(buf);
}
