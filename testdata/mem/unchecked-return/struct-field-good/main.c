/* c.unchecked-return, struct-field, good: the status of setrlimit() is kept
 * in a field that limits_ok() reads. */
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
	l->apply_status = setrlimit(RLIMIT_NOFILE, &rl);
}

int limits_ok(const struct limits *l)
{
	return l->apply_status == 0;
}
