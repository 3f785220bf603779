// IR golden: calls that do not return end their block: the C library's
// (exit, abort, longjmp, err, assert's __assert_fail), _Noreturn and
// __attribute__((noreturn)) declarations of the program's own, and a
// program function named like a libc one that does return.
#include <assert.h>
#include <err.h>
#include <setjmp.h>
#include <stdlib.h>

_Noreturn void die(const char *msg);
__attribute__((noreturn)) void fatal(int code);
void panic(void) __attribute__((__noreturn__));

static jmp_buf env;

int check(int x, char *p)
{
	if (!p)
		exit(1);
	if (x < 0)
		abort();
	if (x == 1)
		die("one");
	if (x == 2)
		fatal(2);
	if (x == 3)
		panic();
	if (x == 4)
		longjmp(env, 1);
	if (x == 5)
		err(1, "five %d", x);
	assert(x != 6);
	return x;
}

static void verr_local(int code)
{
	(void)code;
}

int returns(int x)
{
	if (x)
		verr_local(x);
	return x;
}
