/* SPDX-License-Identifier: MIT */
/*
 * Small file and path utilities shared by every module that reads files:
 * bounded whole-file reads and lexical path cleaning.
 */
#ifndef BULKHEAD_FILEIO_H
#define BULKHEAD_FILEIO_H

#include "common.h"

/**
 * Read everything from the open descriptor `fd` (which is not closed), at
 * most `limit` bytes. The buffer grows geometrically rather than trusting
 * st_size, so pipes and files that change while read are handled.
 * Ownership: `*out` is NUL-terminated heap memory the caller frees.
 * @return BH_OK; BH_EINVAL when there are more than `limit` bytes (nothing
 * is returned); BH_EIO with `*errnum` set when a read fails.
 */
bh_status bh_file_read_fd(char **out, size_t *len_out, int fd, uint64_t limit, int *errnum);

/**
 * Open `path` read-only (following symlinks: for paths the user named) and
 * read it with bh_file_read_fd. A directory fails with BH_EIO/EISDIR.
 * @return as bh_file_read_fd, plus BH_ENOTFOUND when `path` does not exist.
 */
bh_status bh_file_read_path(char **out, size_t *len_out, const char *path, uint64_t limit,
			    int *errnum);

/**
 * As bh_file_read_path, for a file of the scanned tree: a symlink (even
 * one swapped in after the caller looked) fails with BH_EIO/ELOOP, and so
 * does anything but a regular file (EINVAL).
 */
bh_status bh_file_read_path_nofollow(char **out, size_t *len_out, const char *path,
				     uint64_t limit, int *errnum);

/**
 * Write all `len` bytes at `data` to `fd`, again after a short write or an
 * interrupted one. false when a write fails (errno says why).
 */
bool bh_file_write_all(int fd, const void *data, size_t len);

/** bh_file_write_all at byte `offset` of `fd` (pwrite: threads may share `fd`). */
bool bh_file_pwrite_all(int fd, const void *data, size_t len, uint64_t offset);

/**
 * Read exactly `len` bytes at byte `offset` of `fd` into `data`, again
 * after a short or interrupted read. false when a read fails or the file
 * ends first (errno EIO).
 */
bool bh_file_pread_all(int fd, void *data, size_t len, uint64_t offset);

/**
 * Go's path.Clean on the `n` bytes at `p`: collapse "//", drop "." and
 * resolve ".." lexically; "" gives ".". Writes a NUL-terminated result to
 * `out`, which needs room for n + 2 bytes, and returns its length.
 */
size_t bh_path_clean(char *out, const char *p, size_t n);

#endif
