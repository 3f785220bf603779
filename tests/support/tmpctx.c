// SPDX-License-Identifier: MIT
// Throwaway build contexts on disk for unit tests.
#define _GNU_SOURCE // nftw's FTW_PHYS and FTW_DEPTH
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tmpctx.h"

bool bh_test_mkdtemp(char *root, size_t cap, const char *prefix)
{
	int n = snprintf(root, cap, "/tmp/bh-%s-XXXXXX", prefix);
	return n > 0 && (size_t)n < cap && mkdtemp(root) != NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path); // a leftover temporary file is harmless
	return 0;
}

void bh_test_rmtree(const char *root)
{
	nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

// `root`/`rel` in a new heap buffer, or NULL.
static char *join(const char *root, const char *rel)
{
	size_t n = strlen(root) + 1 + strlen(rel) + 1;
	char *path = malloc(n);
	if (path)
		snprintf(path, n, "%s/%s", root, rel);
	return path;
}

void bh_test_make_parents(const char *root, const char *rel)
{
	char *path = join(root, rel);
	if (!path)
		return;
	for (char *s = path + strlen(root) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
	free(path);
}

bool bh_test_write(const char *root, const char *rel, const char *data, size_t len)
{
	char *path = join(root, rel);
	if (!path)
		return false;
	bh_test_make_parents(root, rel);
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = false;
	free(path);
	return ok;
}
