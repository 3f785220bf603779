/* SPDX-License-Identifier: MIT */
/*
 * libclang loaded on first use: the build generates a forwarder for every
 * function in clang_api.txt (clang_shim.py), which calls through the table
 * clang_shim_load.c fills when the first of them runs. Nothing else in the
 * front end changes: it includes <clang-c/Index.h> and calls clang_*.
 */
#ifndef BULKHEAD_CLANG_SHIM_H
#define BULKHEAD_CLANG_SHIM_H

/** The library to load (its path, as the build found it), and the functions. */
extern const char *const bh_clang__shim_library;
extern const char *const bh_clang__shim_names[];
extern const unsigned bh_clang__shim_count;

/** A generic function pointer: ISO C converts it to any function type. */
typedef void (*bh_clang__shim_fn)(void);

/** The loaded functions, by index; NULL until libclang is loaded. */
extern bh_clang__shim_fn bh_clang__shim_table[];

/**
 * Load libclang (once, thread-safe) and return function `i`. When the
 * library or a function cannot be loaded, says so on stderr and exits
 * with status 2: Bulkhead cannot parse C without it.
 */
bh_clang__shim_fn bh_clang__shim_load(unsigned i);

/**
 * Function `i` of bh_clang__shim_names. The lowering calls libclang tens
 * of millions of times on a large project: once loaded, a call costs one
 * load of the table (acquire: a plain load on x86) and an indirect call.
 */
static inline bh_clang__shim_fn bh_clang__shim_get(unsigned i)
{
	bh_clang__shim_fn f = __atomic_load_n(&bh_clang__shim_table[i], __ATOMIC_ACQUIRE);
	return f ? f : bh_clang__shim_load(i);
}

/**
 * Once, when libclang is loaded and before anything can call it: parse on
 * the calling threads, and let crash recovery's handlers run on the
 * alternate stack (clang_guard.c). Takes libclang's index functions: the
 * table is not filled yet.
 */
void bh_clang__guard_install(void *(*create_index)(int, int), void (*dispose_index)(void *));

#define BH_CLANG_SHIM_FN(i, type) ((type)bh_clang__shim_get(i))

#endif
