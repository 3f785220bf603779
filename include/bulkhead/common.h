/* SPDX-License-Identifier: MIT */
/*
 * Core vocabulary shared by every Bulkhead module: status codes, severity
 * levels, source locations and the allocation policy.
 */
#ifndef BULKHEAD_COMMON_H
#define BULKHEAD_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#define BH_VERSION "0.1.0"

/* ---------------------------------------------------------------- status */

/**
 * Result of an operation that can fail for operational reasons (I/O, bad
 * option, cancellation). Bad *input* is never a status: it is a diagnostic.
 */
typedef enum {
	BH_OK = 0,
	BH_EIO = -1,        /* reading or writing failed */
	BH_ENOTFOUND = -2,  /* a named file or entity does not exist */
	BH_EINVAL = -3,     /* an option or argument is invalid */
	BH_ECANCELED = -4,  /* the caller asked to stop */
} bh_status;

/** A short lowercase description of `st` ("i/o error"); never NULL. */
const char *bh_status_str(bh_status st);

/* ---------------------------------------------------------------- levels */

/**
 * Severity of a finding or diagnostic, ordered so that a larger value is
 * more severe. The names are SARIF's `level` values.
 */
typedef enum {
	BH_LEVEL_NONE = 0, /* used for --fail-on never */
	BH_LEVEL_NOTE = 1,
	BH_LEVEL_WARNING = 2,
	BH_LEVEL_ERROR = 3,
} bh_level;

/** "note", "warning", "error" (or "none"). */
const char *bh_level_name(bh_level level);

/** Parse "note|warning|error|never"; "never" gives BH_LEVEL_NONE. */
bh_status bh_level_parse(bh_level *out, const char *name);

/* ------------------------------------------------------------- locations */

/**
 * A range in a file of the build context. Lines and columns are 1-based;
 * columns count bytes. `end_line`/`end_col` are inclusive-exclusive like
 * SARIF's endColumn (0 means "unknown", the range is then one point).
 * `path` is relative to the context root, '/'-separated, arena-owned.
 */
typedef struct {
	const char *path;
	uint32_t line, col;
	uint32_t end_line, end_col;
} bh_loc;

/** Equal strings; NULL equals only NULL. */
static inline bool bh_str_equal(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/** The same range of the same file. */
static inline bool bh_loc_equal(const bh_loc *a, const bh_loc *b)
{
	return bh_str_equal(a->path, b->path) && a->line == b->line && a->col == b->col &&
	       a->end_line == b->end_line && a->end_col == b->end_col;
}

/* ------------------------------------------------------------ allocation */

/*
 * All heap allocation goes through these. Out of memory prints a message
 * and aborts: it is the only abort in Bulkhead.
 */
void *bh_xmalloc(size_t size);
void *bh_xcalloc(size_t n, size_t size);
void *bh_xrealloc(void *ptr, size_t size);
char *bh_xstrdup(const char *s);
char *bh_xstrndup(const char *s, size_t n);

/**
 * `jobs` if positive, else the number of online cores (1 when unknown):
 * how many workers a stage runs when --jobs is not given.
 */
int bh_jobs_or_cores(int jobs);

/** Install bh_x* as the allocator of jansson and tree-sitter. Idempotent. */
void bh_alloc_install(void);

/** Broken invariants (bugs, never bad input): abort with file:line. */
#define bh_assert(cond) \
	((cond) ? (void)0 : bh__assert_fail(#cond, __FILE__, __LINE__))
_Noreturn void bh__assert_fail(const char *expr, const char *file, int line);

#define BH_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define BH_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define BH_PRINTF(fmt, args)
#endif

#endif
