// SPDX-License-Identifier: MIT
// libFuzzer entry point for the config headers of unconfigured trees: the
// input is configure.ac, every file it m4_includes and every config
// header template at once (bh_disc_read_configure: the m4 call scanner,
// m4_define resolution, AC_INIT and AC_CONFIG_HEADERS), then a template of
// its own (bh_disc_autoheader against this machine), then a top
// CMakeLists.txt whose configure_file() templates and subdirectories are
// the input again (bh_cmake_config_headers: check_*() commands,
// #cmakedefine, @VAR@ and ${VAR}). All come with the scanned tree. Checks
// that every header written is complete and stays in the context.
#include <stdint.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/disc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const char *text;
	size_t len;
} input;

// No config header is in the context: each is written from its template.
static bool none_exists(void *payload, const char *path)
{
	(void)payload;
	(void)path;
	return false;
}

static bool read_same(void *payload, const char *path, const char **text, size_t *len)
{
	(void)path;
	const input *in = payload;
	*text = in->text;
	*len = in->len;
	return true;
}

static bool cmake_read_same(const char *path, const char **text, size_t *len, void *payload)
{
	return read_same(payload, path, text, len);
}

// A ".." component ("a/../b"; not "x..h").
static bool goes_up(const char *path)
{
	for (const char *p = path; p; p = strchr(p, '/'), p = p ? p + 1 : NULL)
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || !p[2]))
			return true;
	return false;
}

static void check(const bh_disc_config_headers *headers, const char *dir)
{
	size_t n = strlen(dir);
	for (size_t i = 0; i < headers->len; i++) {
		const bh_disc_config_header *h = &headers->items[i];
		if (!h->path || !h->abs_path || !h->text || !h->template_path ||
		    strlen(h->text) > h->len || h->text[h->len] != '\0')
			__builtin_trap(); // every written header is complete
		if (h->path[0] == '/' || goes_up(h->path) || strncmp(h->path, dir, n) != 0)
			__builtin_trap(); // and in the project's directory or below
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	input in = { (const char *)data, size };
	const bh_disc_files files = { none_exists, read_same, &in };
	bh_disc_config_headers headers = { 0 };
	bh_disc_read_configure(&headers, arena, "/ctx", "sub/configure.ac", in.text, in.len, &files,
			       bh_disc_this_host());
	check(&headers, "sub/");
	headers.len = 0;
	static const char *const listed[] = { "sub/CMakeLists.txt", "sub/a.c", "sub/x/CMakeLists.txt" };
	bh_cmake_config_headers(&headers, arena, "/ctx", "sub/CMakeLists.txt", in.text, in.len, listed,
				BH_ARRAY_LEN(listed), cmake_read_same, &in, bh_disc_this_host());
	check(&headers, "sub/");
	size_t len = 0;
	const char *text = bh_disc_autoheader(arena, in.text, in.len, NULL, bh_disc_this_host(), &len, NULL);
	if (!text || text[len] != '\0')
		__builtin_trap();
	bh_vec_dispose(&headers);
	bh_arena_free(arena);
	return 0;
}
