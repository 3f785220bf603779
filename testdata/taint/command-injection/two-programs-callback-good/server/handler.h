/* The handler each program fills in with its own callback. */
struct handler {
	void (*run)(const char *arg);
};

void handler_init(struct handler *h);
