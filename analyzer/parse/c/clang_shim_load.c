// SPDX-License-Identifier: MIT
// Loading libclang on first use (analyzer/parse/c/clang_shim.h).
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/clang.h"
#include "parse/c/clang_shim.h"

// Sized for the list; the count is checked at load.
#define MAX_FUNCTIONS 256

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
bh_clang__shim_fn bh_clang__shim_table[MAX_FUNCTIONS];

static void load(void)
{
	if (bh_clang__shim_count > MAX_FUNCTIONS) {
		fprintf(stderr, "bulkhead: internal error: %u libclang functions, room for %d\n",
			bh_clang__shim_count, MAX_FUNCTIONS);
		exit(2);
	}
	// RTLD_LAZY: the library's own calls are bound as they are made.
	void *lib = dlopen(bh_clang__shim_library, RTLD_LAZY | RTLD_LOCAL);
	if (!lib) {
		fprintf(stderr, "bulkhead: cannot load libclang (%s): %s\n", bh_clang__shim_library, dlerror());
		exit(2);
	}
	// Before the table is filled: a thread that finds a function there
	// must find the guard in place.
	void *create = dlsym(lib, "clang_createIndex"), *dispose = dlsym(lib, "clang_disposeIndex");
	if (!create || !dispose) {
		fprintf(stderr, "bulkhead: libclang (%s) has no index functions\n", bh_clang__shim_library);
		exit(2);
	}
	void *(*create_index)(int, int);
	void (*dispose_index)(void *);
	memcpy(&create_index, &create, sizeof(create));
	memcpy(&dispose_index, &dispose, sizeof(dispose));
	bh_clang__guard_install(create_index, dispose_index);
	for (unsigned i = 0; i < bh_clang__shim_count; i++) {
		void *p = dlsym(lib, bh_clang__shim_names[i]);
		if (!p) {
			fprintf(stderr, "bulkhead: libclang (%s) has no %s\n", bh_clang__shim_library,
				bh_clang__shim_names[i]);
			exit(2);
		}
		// dlsym gives a data pointer; POSIX guarantees it holds the
		// function's address. Published with release: a thread that
		// sees it sees the library loaded.
		bh_clang__shim_fn f;
		memcpy(&f, &p, sizeof(p));
		__atomic_store_n(&bh_clang__shim_table[i], f, __ATOMIC_RELEASE);
	}
}

bh_clang__shim_fn bh_clang__shim_load(unsigned i)
{
	pthread_once(&load_once, load);
	return __atomic_load_n(&bh_clang__shim_table[i], __ATOMIC_ACQUIRE);
}

const char *bh_clang_library_path(void)
{
	return bh_clang__shim_library;
}
