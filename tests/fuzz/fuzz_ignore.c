// SPDX-License-Identifier: MIT
// libFuzzer entry point for the .dockerignore matcher: parse the input as
// a .dockerignore, then match each of its own lines (cleaned of a leading
// '!' and "/") as a context path, so that patterns meet the paths they were
// written against, plus a few fixed paths. Also the --exclude glob matcher
// with each line as the glob. A .dockerignore comes with the scanned tree.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/ignore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fixed_paths[] = {
	"Dockerfile", ".git/HEAD", "src/main.c", "a/b/c/d/e", ".env", "node_modules/x/y.js",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);

	const char *text = (const char *)data;
	bh_ignore *ig = bh_ignore_parse(arena, ".dockerignore", text, size, &diags);
	bh_ignore_pattern_count(ig);

	// Lines as paths: NUL-terminated copies (a NUL inside cuts the line,
	// as it would cut a file name).
	size_t nlines = 0;
	for (size_t start = 0; start < size && nlines < 64; nlines++) {
		const char *nl = memchr(text + start, '\n', size - start);
		size_t end = nl ? (size_t)(nl - text) : size;
		const char *line = bh_arena_strndup(arena, text + start, end - start);
		const char *path = line;
		while (*path == '!' || *path == '/')
			path++;
		bh_ignore_excludes(ig, path);
		bh_glob_match_path(line, "src/main.c");
		for (size_t i = 0; i < sizeof(fixed_paths) / sizeof(fixed_paths[0]); i++)
			bh_glob_match_path(line, fixed_paths[i]);
		start = end + 1;
	}
	for (size_t i = 0; i < sizeof(fixed_paths) / sizeof(fixed_paths[0]); i++)
		bh_ignore_excludes(ig, fixed_paths[i]);

	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
