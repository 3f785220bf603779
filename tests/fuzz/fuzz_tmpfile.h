/* SPDX-License-Identifier: MIT */
/*
 * For fuzzers of readers that take a path (config, baseline): one
 * temporary file per process, rewritten with each input, removed at exit.
 * Creating a file per input would make the file system the bottleneck.
 */
#ifndef BULKHEAD_FUZZ_TMPFILE_H
#define BULKHEAD_FUZZ_TMPFILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char bh_fuzz_tmp_path[4096];
static int bh_fuzz_tmp_fd = -1;

static void bh_fuzz_tmp_remove(void)
{
	if (bh_fuzz_tmp_fd >= 0)
		unlink(bh_fuzz_tmp_path);
}

/* Write `data` as the whole content of the process's temporary file and
 * return its path. Any failure aborts: the harness cannot test anything. */
static const char *bh_fuzz_tmp_write(const uint8_t *data, size_t size, const char *suffix)
{
	if (bh_fuzz_tmp_fd < 0) {
		const char *dir = getenv("TMPDIR");
		snprintf(bh_fuzz_tmp_path, sizeof(bh_fuzz_tmp_path), "%s/bh-fuzz-XXXXXX%s",
			 dir && *dir ? dir : "/tmp", suffix);
		bh_fuzz_tmp_fd = mkstemps(bh_fuzz_tmp_path, (int)strlen(suffix));
		if (bh_fuzz_tmp_fd < 0) {
			perror("mkstemps");
			abort();
		}
		atexit(bh_fuzz_tmp_remove);
	}
	if (ftruncate(bh_fuzz_tmp_fd, 0) != 0)
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t n = pwrite(bh_fuzz_tmp_fd, data + off, size - off, (off_t)off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
	return bh_fuzz_tmp_path;
}

#endif
