/* c.unchecked-return, struct-field, bad: the status of setrlimit() is stored
 * in a field that nothing in the program reads. */
#include <sys/resource.h>

struct limits {
	rlim_t max_files;
	int apply_status;
};

void apply_limits(struct limits *l)
{
	struct rlimit rl;

	rl.rlim_cur = l->max_files;
	rl.rlim_max = l->max_files;
	l->apply_status = setrlimit(RLIMIT_NOFILE, &rl); /* BH-EXPECT: c.unchecked-return */
}
