// SPDX-License-Identifier: MIT
// Shared between the files of the build-context module (bh_ctx) only.
#ifndef BH_CTX_INTERNAL_H
#define BH_CTX_INTERNAL_H

#include <stddef.h>

/**
 * Go's path.Clean on the `n` bytes at `p`: collapse "//", drop "." and
 * resolve ".." lexically; "" gives ".". Writes a NUL-terminated result to
 * `out`, which needs room for n + 2 bytes, and returns its length.
 */
size_t bh_ctx__clean_path(char *out, const char *p, size_t n);

#endif
