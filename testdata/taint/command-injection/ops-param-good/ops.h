#ifndef OPS_H
#define OPS_H
/* A backend's operations; callers reach them through a pointer. */
struct backend_ops {
	const char *name;
	int (*query)(const char *request);
};

extern const struct backend_ops shell_backend;
extern const struct backend_ops log_backend;

int serve(const struct backend_ops *ops, const char *request);
#endif
