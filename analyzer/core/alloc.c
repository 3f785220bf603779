// SPDX-License-Identifier: MIT
// The allocation policy: every heap allocation in Bulkhead, and in the
// jansson and tree-sitter code it drives, goes through these functions.
// Out of memory is the only condition on which Bulkhead aborts.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <tree_sitter/api.h>

#include "bulkhead/common.h"
#include "bulkhead/vec.h"

static void out_of_memory(size_t size)
{
	fprintf(stderr, "bulkhead: out of memory allocating %zu bytes\n", size);
	abort();
}

void *bh_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *bh_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *bh_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *bh_xstrdup(const char *s)
{
	return bh_xstrndup(s, strlen(s));
}

char *bh_xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = bh_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static void install_once(void)
{
	json_set_alloc_funcs(bh_xmalloc, free);
	ts_set_allocator(bh_xmalloc, bh_xcalloc, bh_xrealloc, free);
}

void bh_alloc_install(void)
{
	// Both libraries keep a process-wide hook; the LSP server scans on two
	// threads, so it is set once, before either allocates.
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, install_once);
}

void bh__vec_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
	if (need <= *cap)
		return;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap *= 2;
	*items = bh_xrealloc(*items, ncap * elem_size);
	*cap = ncap;
}

void bh__vec_fit(void **items, size_t *cap, size_t len, size_t elem_size)
{
	if (len == *cap)
		return;
	if (len == 0) {
		free(*items);
		*items = NULL;
	} else {
		*items = bh_xrealloc(*items, len * elem_size);
	}
	*cap = len;
}

_Noreturn void bh__assert_fail(const char *expr, const char *file, int line)
{
	fprintf(stderr, "bulkhead: internal error: %s:%d: assertion '%s' failed\n",
		file, line, expr);
	abort();
}

const char *bh_status_str(bh_status st)
{
	switch (st) {
	case BH_OK: return "ok";
	case BH_EIO: return "i/o error";
	case BH_ENOTFOUND: return "not found";
	case BH_EINVAL: return "invalid argument";
	case BH_ECANCELED: return "canceled";
	}
	return "unknown status";
}

const char *bh_level_name(bh_level level)
{
	switch (level) {
	case BH_LEVEL_NONE: return "none";
	case BH_LEVEL_NOTE: return "note";
	case BH_LEVEL_WARNING: return "warning";
	case BH_LEVEL_ERROR: return "error";
	}
	return "none";
}

bh_status bh_level_parse(bh_level *out, const char *name)
{
	static const struct { const char *name; bh_level level; } names[] = {
		{ "note", BH_LEVEL_NOTE }, { "warning", BH_LEVEL_WARNING },
		{ "error", BH_LEVEL_ERROR }, { "never", BH_LEVEL_NONE },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].level;
			return BH_OK;
		}
	}
	return BH_EINVAL;
}
