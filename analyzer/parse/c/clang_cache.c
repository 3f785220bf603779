// SPDX-License-Identifier: MIT
// Parsed translation units kept between scans, for the LSP server's saves:
// the first parse builds a precompiled preamble (the #include lines at the
// top of the file, which are most of the work), and each later scan of the
// same unit with the same flags reparses it with the editor's buffers,
// reusing that preamble. libclang rebuilds the preamble itself when a
// header it holds changes.
//
// One index of its own, used by one thread at a time (bh_clang_scan runs a
// single worker when given a cache). At most `max` units are kept; the one
// used least recently goes first.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/common.h"
#include "parse/c/clang_internal.h"

typedef struct {
	char *key;            // abs_path, then each argument, '\x1f'-separated
	CXTranslationUnit tu;
	uint64_t used;        // the cache's clock at the last use
} entry;

struct bh_clang_tu_cache {
	CXIndex index;
	entry *entries;
	size_t n, max;
	uint64_t clock;
};

// The first precompiled preamble libclang writes registers LLVM's signal
// handlers, with an alternate signal stack, on the thread that writes it.
// When that thread ends the stack cannot be given back cleanly (under
// AddressSanitizer that aborts). So: write a first preamble here, on a
// thread that lasts. (libclang parses on the caller's threads: see
// clang_guard.c.)
static void prepare_once(void)
{
	static const char text[] = "#define BH_PREPARE 1\nint bh_prepare = BH_PREPARE;\n";
	CXIndex index = bh_clang__index_new();
	struct CXUnsavedFile f = { "/bulkhead-prepare.c", text, sizeof(text) - 1 };
	CXTranslationUnit tu = NULL;
	if (clang_parseTranslationUnit2(index, f.Filename, NULL, 0, &f, 1,
					CXTranslationUnit_PrecompiledPreamble |
						CXTranslationUnit_CreatePreambleOnFirstParse,
					&tu) == CXError_Success)
		clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
}

void bh_clang_prepare(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, prepare_once);
}

bh_clang_tu_cache *bh_clang_tu_cache_new(size_t max)
{
	bh_clang_tu_cache *c = bh_xcalloc(1, sizeof(*c));
	c->index = bh_clang__index_new();
	c->max = max ? max : 1;
	c->entries = bh_xcalloc(c->max, sizeof(*c->entries));
	return c;
}

static void drop(bh_clang_tu_cache *c, size_t i)
{
	clang_disposeTranslationUnit(c->entries[i].tu);
	free(c->entries[i].key);
	c->entries[i] = c->entries[--c->n];
}

void bh_clang_tu_cache_free(bh_clang_tu_cache *c)
{
	if (!c)
		return;
	while (c->n)
		drop(c, c->n - 1);
	free(c->entries);
	clang_disposeIndex(c->index);
	free(c);
}

static char *key_of(const char *path, const char *const *args, int nargs)
{
	size_t n = strlen(path) + 1;
	for (int i = 0; i < nargs; i++)
		n += strlen(args[i]) + 1;
	char *k = bh_xmalloc(n), *p = k;
	p += sprintf(p, "%s", path);
	for (int i = 0; i < nargs; i++)
		p += sprintf(p, "\x1f%s", args[i]);
	return k;
}

CXTranslationUnit bh_clang__cache_parse(bh_clang_tu_cache *c, const char *path, const char *const *args,
					int nargs, struct CXUnsavedFile *unsaved, unsigned nunsaved,
					unsigned flags, enum CXErrorCode *ec)
{
	char *key = key_of(path, args, nargs);
	c->clock++;
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->entries[i].key, key) != 0)
			continue;
		free(key);
		entry *e = &c->entries[i];
		bh_clang__guard guard;
		bh_clang__guard_enter(&guard);
		int rc = clang_reparseTranslationUnit(e->tu, nunsaved, unsaved, clang_defaultReparseOptions(e->tu));
		bh_clang__guard_leave(&guard);
		if (rc == 0) {
			e->used = c->clock;
			*ec = CXError_Success;
			return e->tu;
		}
		// After a failed reparse the unit cannot be used again.
		drop(c, i);
		key = key_of(path, args, nargs);
		break;
	}
	CXTranslationUnit tu = NULL;
	bh_clang__guard guard;
	bh_clang__guard_enter(&guard);
	*ec = clang_parseTranslationUnit2(c->index, path, args, nargs, unsaved, nunsaved,
					  flags | CXTranslationUnit_PrecompiledPreamble |
						  CXTranslationUnit_CreatePreambleOnFirstParse,
					  &tu);
	bh_clang__guard_leave(&guard);
	if (*ec != CXError_Success || !tu) {
		free(key);
		return NULL;
	}
	if (c->n == c->max) {
		size_t oldest = 0;
		for (size_t i = 1; i < c->n; i++)
			if (c->entries[i].used < c->entries[oldest].used)
				oldest = i;
		drop(c, oldest);
	}
	c->entries[c->n++] = (entry){ key, tu, c->clock };
	return tu;
}
