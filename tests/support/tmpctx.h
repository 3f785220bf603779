/* SPDX-License-Identifier: MIT */
/*
 * Test support: throwaway build contexts on disk for the tests that need a
 * real directory tree (context walk, compile database, discovery).
 */
#ifndef BH_TEST_TMPCTX_H
#define BH_TEST_TMPCTX_H

#include <stdbool.h>
#include <stddef.h>

/** Create a fresh directory /tmp/bh-<prefix>-XXXXXX and write its path to `root`. */
bool bh_test_mkdtemp(char *root, size_t cap, const char *prefix);

/** Remove the tree at `root` without following symlinks; best effort. */
void bh_test_rmtree(const char *root);

/** Create the parent directories of `root`/`rel`. */
void bh_test_make_parents(const char *root, const char *rel);

/** Write `len` bytes to `root`/`rel`, creating the parent directories. */
bool bh_test_write(const char *root, const char *rel, const char *data, size_t len);

#endif
