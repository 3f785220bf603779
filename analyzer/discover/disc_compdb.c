// SPDX-License-Identifier: MIT
// compile_commands.json: reading the compilation database that tells the C
// front end how each translation unit is compiled. Part of discovery
// (bh_disc), between the context walk and the libclang front end.
//
// The database is hostile input like any other file of the context: bad
// JSON, a top level that is not an array, entries with missing or
// mistyped fields all become "compdb.malformed" errors (results are
// incomplete) and every good entry is still used. Nothing in a command is
// ever run; the compiler, the source, outputs and every flag that could
// make libclang load code or write files (-fplugin, -Xclang, -mllvm, @file,
// ...) are dropped. Only the flags that change how the code parses are
// kept, and their paths are made absolute against the entry's directory.
//
// Databases generated inside a container name paths such as
// /src/app/main.c. An entry outside the context is mapped to the context
// file with the longest common path suffix; when the whole context path
// matched, the container prefix (/src/app) is known and include paths
// under it are moved to the context root as well.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"
#include "bulkhead/fileio.h"
#include "bulkhead/vec.h"

// An explicit --compile-commands file may be big; refuse the absurd.
#define MAX_EXPLICIT_DB_SIZE (512ull << 20)

typedef BH_VEC(const char *) str_vec;

/* ---------------------------------------------------------------- paths */

// Lexically clean an absolute or relative '/'-path into the arena.
static char *clean_path(bh_arena *arena, const char *p)
{
	size_t n = strlen(p);
	char *out = bh_arena_alloc(arena, n + 2);
	bh_path_clean(out, p, n);
	return out;
}

// `path` made absolute against `base` (absolute) and cleaned.
static char *absolute(bh_arena *arena, const char *base, const char *path)
{
	if (path[0] == '/')
		return clean_path(arena, path);
	return clean_path(arena, bh_arena_sprintf(arena, "%s/%s", base, path));
}

// Directory that relative "directory" values are resolved against: the
// database's own directory (as LLVM's JSONCompilationDatabase does).
static const char *db_base_dir(bh_arena *arena, const char *db_path, const bh_ctx *ctx)
{
	const char *base;
	if (db_path && db_path[0] == '/') {
		base = db_path;
	} else {
		const char *rel = db_path ? db_path : "compile_commands.json";
		if (ctx) {
			base = bh_arena_sprintf(arena, "%s/%s", bh_ctx_root(ctx), rel);
		} else {
			char *cwd = realpath(".", NULL); // (POSIX; getcwd(NULL, 0) is glibc's)
			base = bh_arena_sprintf(arena, "%s/%s", cwd ? cwd : "", rel);
			free(cwd);
		}
	}
	char *dir = clean_path(arena, base);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	return dir;
}

/* ------------------------------------------------------- command words */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// word = { plain | '\' any | "'" { any } "'" | '"' { dq-char } '"' }
// As in a POSIX shell without expansion: inside double quotes a backslash
// only escapes $ ` " \ and newline; backslash-newline joins lines. An
// unterminated quote runs to the end (lenient: the command is not run).
size_t bh_compdb_split_command(const char ***argv_out, bh_arena *arena, const char *command)
{
	str_vec words = { 0 };
	size_t n = command ? strlen(command) : 0;
	char *buf = bh_xmalloc(n + 1);
	size_t i = 0;
	for (;;) {
		while (i < n && is_blank(command[i]))
			i++;
		if (i >= n)
			break;
		size_t w = 0;
		bool started = false;
		while (i < n && !is_blank(command[i])) {
			char c = command[i];
			if (c == '\\') {
				if (i + 1 < n && command[i + 1] == '\n') {
					i += 2;
					continue;
				}
				buf[w++] = i + 1 < n ? command[i + 1] : '\\';
				i += i + 1 < n ? 2 : 1;
			} else if (c == '\'') {
				for (i++; i < n && command[i] != '\''; i++)
					buf[w++] = command[i];
				i += i < n;
			} else if (c == '"') {
				for (i++; i < n && command[i] != '"'; i++) {
					if (command[i] == '\\' && i + 1 < n &&
					    strchr("$`\"\\\n", command[i + 1])) {
						if (command[i + 1] != '\n')
							buf[w++] = command[i + 1];
						i++;
					} else {
						buf[w++] = command[i];
					}
				}
				i += i < n;
			} else {
				buf[w++] = c;
				i++;
			}
			started = true;
		}
		if (started)
			bh_vec_push(&words, bh_arena_strndup(arena, buf, w));
	}
	free(buf);
	const char **argv = bh_arena_alloc(arena, (words.len + 1) * sizeof(*argv));
	if (words.len)
		memcpy(argv, words.items, words.len * sizeof(*argv));
	size_t count = words.len;
	bh_vec_dispose(&words);
	*argv_out = argv;
	return count;
}

/* --------------------------------------------------------------- flags */

// Kept flags that take a value, joined ("-Idir") or separate ("-I dir").
// Longer names first so "-isystem" is not read as "-i" + "system".
static const struct {
	const char *name;
	bool is_path; // the value is a path to make absolute
} kept_with_value[] = {
	{ "-isystem", true }, { "-idirafter", true }, { "-iquote", true },
	{ "-include", true }, { "-imacros", true }, { "-I", true },
	{ "-D", false }, { "-U", false }, { "-x", false },
};

// Dropped flags whose value is a separate argument (it must be skipped too,
// or it would be read as a flag or a source file).
static const char *const dropped_with_value[] = {
	"-o", "-MF", "-MT", "-MQ", "-MJ", "-Xclang", "-Xlinker", "-Xassembler",
	"-Xpreprocessor", "-Xcuda-ptxas", "-Xopenmp-target", "-L", "-l", "-arch",
	"-aux-info", "--param", "-u", "-z", "-T", "-B", "-e", "-dumpdir",
	"-dumpbase", "-dumpbase-ext", "-specs", "-isysroot", "--sysroot",
	"-iprefix", "-iwithprefix", "-iwithprefixbefore", "-iframework",
	"-ivfsoverlay", "-include-pch", "-mllvm", "-framework", "-install_name",
	"-serialize-diagnostics", "-working-directory", "-resource-dir",
	"-gcc-toolchain", "-Xarch_host", "-Xarch_device",
};

// -f flags that load code, write files, or name build-tree files whose
// absence would make libclang fail.
static const char *const dropped_f_prefixes[] = {
	"-fplugin", "-fpass-plugin", "-fcrash-diagnostics", "-fprofile-",
	"-fmodules-cache-path", "-fmodule-file", "-fmodule-map-file",
	"-fsave-optimization-record", "-fdump", "-fsanitize-blacklist",
	"-fsanitize-ignorelist", "-fsanitize-coverage-allowlist",
	"-fsanitize-coverage-ignorelist", "-fcs-profile-generate",
	"-fdebug-compilation-dir", "-fcoverage-compilation-dir", "-fstack-usage",
	"-fcallgraph-info", "-fopt-info", "-fauto-profile", "-ftime-report",
	"-ftime-trace", "-fembed-offload-object", "-fxray-attr-list",
	"-fxray-always-instrument", "-fxray-never-instrument",
};

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool bh_compdb_keep_flag(const char *const *argv, size_t argc, size_t i, size_t *consumed)
{
	*consumed = 1;
	if (i >= argc || !argv[i])
		return false;
	const char *a = argv[i];
	if (a[0] != '-' || a[1] == '\0')
		return false; // the compiler, a source, an object, @file, "-"
	bool has_next = i + 1 < argc && argv[i + 1];

	// Exact names first: "-include-pch" must not read as "-include" + "-pch".
	for (size_t k = 0; k < BH_ARRAY_LEN(dropped_with_value); k++) {
		if (strcmp(a, dropped_with_value[k]) == 0) {
			*consumed = has_next ? 2 : 1;
			return false;
		}
	}
	for (size_t k = 0; k < BH_ARRAY_LEN(kept_with_value); k++) {
		const char *name = kept_with_value[k].name;
		if (!has_prefix(a, name))
			continue;
		if (a[strlen(name)] != '\0')
			return strcmp(a, "-I-") != 0; // joined; "-I-" is obsolete
		if (!has_next)
			return false;
		*consumed = 2;
		return true;
	}
	if (strcmp(a, "-target") == 0) {
		if (!has_next)
			return false;
		*consumed = 2;
		return true;
	}
	if (has_prefix(a, "-std=") || has_prefix(a, "--std=") || has_prefix(a, "--target=") ||
	    has_prefix(a, "-O") || strcmp(a, "-ansi") == 0 || strcmp(a, "-pthread") == 0 ||
	    strcmp(a, "-nostdinc") == 0 || strcmp(a, "-undef") == 0)
		return true;
	if (has_prefix(a, "-f")) {
		for (size_t k = 0; k < BH_ARRAY_LEN(dropped_f_prefixes); k++)
			if (has_prefix(a, dropped_f_prefixes[k]))
				return false;
		return true;
	}
	// -m selects the target's features (-m32, -march=); -mllvm is above.
	if (has_prefix(a, "-m"))
		return true;
	// Everything else goes: -c, -S, -E, -M*, -W*, -w, -g*, -o<file>, -L<dir>,
	// -l<lib>, -Wl,..., --version, unknown options.
	return false;
}

/* ------------------------------------------------------ context mapping */

// A context C file by basename, for suffix matching.
typedef struct {
	const char *base;
	const char *path;
} named_file;

static int compare_named(const void *a, const void *b)
{
	const named_file *x = a, *y = b;
	int c = strcmp(x->base, y->base);
	return c ? c : strcmp(x->path, y->path);
}

typedef struct {
	const bh_ctx *ctx;
	const char *root;
	size_t root_len;
	named_file *byname; // heap; C sources and headers sorted by basename
	size_t nbyname;
} mapper;

static void mapper_init(mapper *m, const bh_ctx *ctx)
{
	memset(m, 0, sizeof(*m));
	m->ctx = ctx;
	if (!ctx)
		return;
	m->root = bh_ctx_root(ctx);
	m->root_len = strlen(m->root);
	size_t n = bh_ctx_file_count(ctx);
	m->byname = bh_xmalloc((n ? n : 1) * sizeof(named_file));
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if (f->kind != BH_FILE_C_SOURCE && f->kind != BH_FILE_C_HEADER)
			continue;
		const char *slash = strrchr(f->path, '/');
		m->byname[m->nbyname].base = slash ? slash + 1 : f->path;
		m->byname[m->nbyname].path = f->path;
		m->nbyname++;
	}
	qsort(m->byname, m->nbyname, sizeof(named_file), compare_named);
}

static void mapper_dispose(mapper *m)
{
	free(m->byname);
}

// The context-relative part of the clean absolute `path` if it is strictly
// below the root, else NULL.
static const char *below_root(const mapper *m, const char *path)
{
	if (m->root_len == 1)
		return path[0] == '/' && path[1] ? path + 1 : NULL;
	if (strncmp(path, m->root, m->root_len) == 0 && path[m->root_len] == '/')
		return path + m->root_len + 1;
	return NULL;
}

// Number of trailing '/'-components that `a` and `b` share.
static size_t common_suffix_components(const char *a, const char *b)
{
	size_t i = strlen(a), j = strlen(b), count = 0;
	for (;;) {
		size_t ai = i, bj = j;
		while (ai > 0 && a[ai - 1] != '/')
			ai--;
		while (bj > 0 && b[bj - 1] != '/')
			bj--;
		if (i - ai != j - bj || i == ai || memcmp(a + ai, b + bj, i - ai) != 0)
			return count;
		count++;
		if (ai == 0 || bj == 0)
			return count;
		i = ai - 1;
		j = bj - 1;
	}
}

static size_t count_components(const char *p)
{
	size_t n = 1;
	for (; *p; p++)
		n += *p == '/';
	return n;
}

// Map the absolute, clean `file` to a context path. `*prefix_out` gets the
// database's name for the context root when a suffix match covered the
// whole context path (so other paths under it can be moved too).
static const char *map_to_context(const mapper *m, bh_arena *arena, const char *file,
				  const char **prefix_out, bool *ambiguous)
{
	*prefix_out = NULL;
	*ambiguous = false;
	if (!m->ctx)
		return NULL;
	const char *below = below_root(m, file);
	if (below) {
		const bh_file *f = bh_ctx_find(m->ctx, below);
		return f ? bh_arena_strdup(arena, f->path) : NULL;
	}
	const char *slash = strrchr(file, '/');
	named_file key = { slash ? slash + 1 : file, "" };
	// First entry with this basename: a lower bound on (base, "").
	size_t lo = 0, hi = m->nbyname;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare_named(&m->byname[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	const char *best = NULL;
	size_t best_count = 0;
	bool tie = false;
	for (size_t i = lo; i < m->nbyname && strcmp(m->byname[i].base, key.base) == 0; i++) {
		size_t c = common_suffix_components(file, m->byname[i].path);
		if (c > best_count) {
			best = m->byname[i].path;
			best_count = c;
			tie = false;
		} else if (c == best_count && c > 0) {
			tie = true;
		}
	}
	if (!best)
		return NULL;
	if (tie) {
		*ambiguous = true;
		return NULL;
	}
	if (best_count == count_components(best)) {
		size_t plen = strlen(file) - strlen(best) - 1;
		*prefix_out = plen ? bh_arena_strndup(arena, file, plen) : "/";
	}
	return bh_arena_strdup(arena, best);
}

// True if some context file lies at or under `rel`.
static bool ctx_has_path(const bh_ctx *ctx, const char *rel)
{
	if (bh_ctx_find(ctx, rel))
		return true;
	size_t n = strlen(rel), lo = 0, hi = bh_ctx_file_count(ctx);
	char *key = bh_xmalloc(n + 2);
	memcpy(key, rel, n);
	memcpy(key + n, "/", 2);
	// The first inventory path >= "rel/" is under rel/ if anything is.
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(bh_ctx_file(ctx, mid)->path, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool found = lo < bh_ctx_file_count(ctx) && has_prefix(bh_ctx_file(ctx, lo)->path, key);
	free(key);
	return found;
}

// An absolute path of the database moved into the context when it lies
// under the database's name for the root (`prefix`) and the context has
// something there: "/src/app/include" becomes "<root>/include", while
// "/usr/include" stays even when the prefix is "/".
static const char *relocate(bh_arena *arena, const mapper *m, const char *prefix, const char *path)
{
	if (!prefix || path[0] != '/' || below_root(m, path))
		return path;
	size_t n = strcmp(prefix, "/") == 0 ? 0 : strlen(prefix);
	if (strncmp(path, prefix, n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return path;
	const char *rel = path + n + (path[n] == '/');
	if (*rel && !ctx_has_path(m->ctx, rel))
		return path;
	return *rel ? bh_arena_sprintf(arena, "%s/%s", m->root_len > 1 ? m->root : "", rel)
		    : m->root;
}

/* --------------------------------------------------------------- parse */

static bool is_path_flag(const char *flag, size_t *name_len)
{
	for (size_t k = 0; k < BH_ARRAY_LEN(kept_with_value); k++) {
		if (kept_with_value[k].is_path && has_prefix(flag, kept_with_value[k].name)) {
			*name_len = strlen(kept_with_value[k].name);
			return true;
		}
	}
	return false;
}

// A path value made absolute against the entry's directory and moved into
// the context if it is under the container prefix. "=dir" is relative to
// the sysroot and stays as it is.
static const char *fix_path(bh_arena *arena, const mapper *m, const char *prefix,
			    const char *dir, const char *value)
{
	if (value[0] == '=' || value[0] == '$')
		return value;
	return relocate(arena, m, prefix, absolute(arena, dir, value));
}

// Filter argv (argv[0] is the compiler) into the kept flags; relative
// paths are resolved against `dir`, the entry's absolute directory.
static void filter_args(bh_compdb_entry *e, bh_arena *arena, const mapper *m, const char *prefix,
			const char *dir, const char *const *argv, size_t argc)
{
	str_vec kept = { 0 };
	for (size_t i = 1; i < argc;) {
		size_t consumed = 1;
		if (bh_compdb_keep_flag(argv, argc, i, &consumed)) {
			size_t name_len = 0;
			const char *a = argv[i];
			if (is_path_flag(a, &name_len)) {
				if (consumed == 2) {
					bh_vec_push(&kept, a);
					bh_vec_push(&kept, fix_path(arena, m, prefix, dir,
								    argv[i + 1]));
				} else {
					const char *v = fix_path(arena, m, prefix, dir,
								 a + name_len);
					bh_vec_push(&kept, bh_arena_sprintf(arena, "%.*s%s",
									    (int)name_len, a, v));
				}
			} else {
				for (size_t k = 0; k < consumed; k++)
					bh_vec_push(&kept, argv[i + k]);
			}
		}
		i += consumed;
	}
	e->args = bh_arena_alloc(arena, (kept.len + 1) * sizeof(*e->args));
	if (kept.len)
		memcpy(e->args, kept.items, kept.len * sizeof(*e->args));
	e->nargs = kept.len;
	bh_vec_dispose(&kept);
}

#define MALFORMED(...) \
	bh_diag_add(diags, BH_LEVEL_ERROR, "compdb.malformed", shown, 0, 0, __VA_ARGS__)

// One entry; false (with a diagnostic) when it cannot be used.
static bool parse_entry(bh_compdb_entry *e, bh_arena *arena, const mapper *m, json_t *v,
			size_t idx, const char *base_dir, const char *shown, bh_diags *diags)
{
	if (!json_is_object(v)) {
		MALFORMED("entry [%zu] is not an object", idx);
		return false;
	}
	json_t *dir = json_object_get(v, "directory");
	json_t *file = json_object_get(v, "file");
	json_t *args = json_object_get(v, "arguments");
	json_t *cmd = json_object_get(v, "command");
	json_t *output = json_object_get(v, "output");
	if (!json_is_string(dir) || json_string_length(dir) == 0) {
		MALFORMED("entry [%zu]: \"directory\" is missing or not a non-empty string", idx);
		return false;
	}
	if (!json_is_string(file) || json_string_length(file) == 0) {
		MALFORMED("entry [%zu]: \"file\" is missing or not a non-empty string", idx);
		return false;
	}
	const char **argv = NULL;
	size_t argc = 0;
	if (args) {
		if (!json_is_array(args)) {
			MALFORMED("entry [%zu]: \"arguments\" is not an array", idx);
			return false;
		}
		argc = json_array_size(args);
		argv = bh_arena_alloc(arena, (argc + 1) * sizeof(*argv));
		for (size_t k = 0; k < argc; k++) {
			json_t *s = json_array_get(args, k);
			if (!json_is_string(s)) {
				MALFORMED("entry [%zu]: \"arguments\" element %zu is not a string",
					  idx, k);
				return false;
			}
			// Copied: the JSON tree is freed before the entry is used.
			argv[k] = bh_arena_strndup(arena, json_string_value(s),
						   json_string_length(s));
		}
	} else if (json_is_string(cmd)) {
		argc = bh_compdb_split_command(&argv, arena, json_string_value(cmd));
	} else {
		MALFORMED("entry [%zu] has neither an \"arguments\" array nor a \"command\" string",
			  idx);
		return false;
	}

	e->directory = bh_arena_strdup(arena, json_string_value(dir));
	const char *abs_dir = absolute(arena, base_dir, e->directory);
	if (e->directory[0] != '/')
		e->directory = abs_dir;
	e->file = absolute(arena, abs_dir, json_string_value(file));
	if (output && !json_is_string(output))
		MALFORMED("entry [%zu]: \"output\" is not a string; ignored", idx);
	else if (output)
		e->output = absolute(arena, abs_dir, json_string_value(output));

	const char *prefix = NULL;
	bool ambiguous = false;
	e->ctx_path = map_to_context(m, arena, e->file, &prefix, &ambiguous);
	if (ambiguous)
		bh_diag_add(
			diags, BH_LEVEL_NOTE, "compdb.ambiguous", shown, 0, 0,
			"entry [%zu]: '%s' matches several context files equally well; not used",
			idx, e->file);
	filter_args(e, arena, m, prefix, abs_dir, argv, argc);
	return true;
}

// The entry vector is heap memory inside an arena object: freed with it.
static void dispose_compdb(void *p)
{
	bh_compdb *db = p;
	bh_vec_dispose(&db->entries);
}

bh_status bh_compdb_parse(bh_compdb **out, bh_arena *arena, const char *db_path,
			  const char *json, size_t len, const bh_ctx *ctx, bh_diags *diags)
{
	bh_alloc_install(); // jansson allocates through bh_xmalloc
	bh_compdb *db = bh_arena_alloc(arena, sizeof(*db));
	bh_arena_defer(arena, dispose_compdb, db);
	db->path = bh_arena_strdup(arena, db_path ? db_path : "compile_commands.json");
	*out = db;
	const char *shown = db->path;

	json_error_t err;
	json_t *root = json_loadb(json ? json : "", json ? len : 0, 0, &err);
	if (!root) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "compdb.malformed", shown,
			    err.line > 0 ? (uint32_t)err.line : 0,
			    err.column > 0 ? (uint32_t)err.column : 0,
			    "invalid JSON: %s", err.text);
		return BH_OK;
	}
	if (!json_is_array(root)) {
		MALFORMED("the top level is not an array of entries");
		json_decref(root);
		return BH_OK;
	}
	mapper m;
	mapper_init(&m, ctx);
	const char *base_dir = db_base_dir(arena, db_path, ctx);
	size_t n = json_array_size(root);
	for (size_t i = 0; i < n; i++) {
		bh_compdb_entry e = { 0 };
		if (parse_entry(&e, arena, &m, json_array_get(root, i), i, base_dir, shown, diags))
			bh_vec_push(&db->entries, e);
	}
	mapper_dispose(&m);
	json_decref(root);
	return BH_OK;
}

const bh_compdb_entry *bh_compdb_find(const bh_compdb *db, const char *ctx_path)
{
	if (!db || !ctx_path)
		return NULL;
	for (size_t i = 0; i < db->entries.len; i++) {
		const bh_compdb_entry *e = &db->entries.items[i];
		if (e->ctx_path && strcmp(e->ctx_path, ctx_path) == 0)
			return e;
	}
	return NULL;
}

/* ------------------------------------------------------------ discover */

// Read a database named on the command line. It is the user's own choice,
// so it may be outside the context and may be reached through a symlink.
static bh_status read_explicit(char **data_out, size_t *len_out, const char *path,
			       const char *shown, bh_diags *diags)
{
	int e = 0;
	bh_status st = bh_file_read_path(data_out, len_out, path, MAX_EXPLICIT_DB_SIZE, &e);
	if (st == BH_ENOTFOUND)
		bh_diag_add(diags, BH_LEVEL_ERROR, "compdb.not-found", shown, 0, 0,
			    "cannot open compilation database: %s", strerror(e));
	else if (st == BH_EINVAL)
		bh_diag_add(diags, BH_LEVEL_ERROR, "compdb.unreadable", shown, 0, 0,
			    "compilation database is larger than %llu bytes",
			    (unsigned long long)MAX_EXPLICIT_DB_SIZE);
	else if (st != BH_OK)
		bh_diag_add(diags, BH_LEVEL_ERROR, "compdb.unreadable", shown, 0, 0,
			    "cannot read compilation database: %s", strerror(e));
	return st == BH_EINVAL ? BH_EIO : st;
}

// The context file a compile_commands.json symlink names, if it is a
// regular file inside the context (CMake users link build/'s database to
// the root). The link is resolved by text only: nothing is followed.
static const bh_file *resolve_db_link(bh_arena *arena, const bh_ctx *ctx, const bh_file *f)
{
	if (!f->link_target || !*f->link_target || f->link_target[0] == '/')
		return NULL;
	const char *slash = strrchr(f->path, '/');
	const char *joined = slash ? bh_arena_sprintf(arena, "%.*s/%s", (int)(slash - f->path),
						      f->path, f->link_target)
				   : f->link_target;
	const char *clean = clean_path(arena, joined);
	if (strcmp(clean, "..") == 0 || has_prefix(clean, "../"))
		return NULL;
	const bh_file *t = bh_ctx_find(ctx, clean);
	return t && t->kind != BH_FILE_SYMLINK && t->kind != BH_FILE_OTHER ? t : NULL;
}

static int compare_dirs(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t nx = strcspn(x, "/"), ny = strcspn(y, "/");
	int c = strncmp(x, y, nx < ny ? nx : ny);
	return c ? c : (nx > ny) - (nx < ny);
}

bh_status bh_compdb_discover(bh_compdb **out, bh_arena *arena, bh_ctx *ctx,
			     const char *explicit_path, bh_diags *diags)
{
	*out = NULL;
	if (explicit_path) {
		const char *rel = ctx ? bh_ctx_relpath(ctx, arena, explicit_path) : NULL;
		const char *shown = rel ? rel : explicit_path;
		char *data = NULL;
		size_t len = 0;
		bh_status st = read_explicit(&data, &len, explicit_path, shown, diags);
		if (st != BH_OK)
			return st;
		// Relative "directory" values resolve against the file's real place.
		const char *where = rel;
		if (!where && explicit_path[0] == '/') {
			where = explicit_path;
		} else if (!where) {
			char *cwd = realpath(".", NULL); // (POSIX; getcwd(NULL, 0) is glibc's)
			where = absolute(arena, cwd ? cwd : "/", explicit_path);
			free(cwd);
		}
		bh_compdb_parse(out, arena, where, data, len, ctx, diags);
		(*out)->path = bh_arena_strdup(arena, shown);
		free(data);
		return BH_OK;
	}
	if (!ctx)
		return BH_OK;

	// Candidates: the root's database, then build*/ directories by name.
	str_vec cands = { 0 };
	size_t nbuild = 0;
	bh_vec_push(&cands, "compile_commands.json");
	for (size_t i = 0; i < bh_ctx_file_count(ctx); i++) {
		const char *p = bh_ctx_file(ctx, i)->path;
		const char *slash = strchr(p, '/');
		if (has_prefix(p, "build") && slash &&
		    strcmp(slash + 1, "compile_commands.json") == 0) {
			bh_vec_push(&cands, p);
			nbuild++;
		}
	}
	if (nbuild > 1)
		qsort(cands.items + 1, nbuild, sizeof(char *), compare_dirs);

	bh_status st = BH_OK;
	for (size_t i = 0; i < cands.len && !*out; i++) {
		const bh_file *f = bh_ctx_find(ctx, cands.items[i]);
		if (!f)
			continue;
		const bh_file *target = f;
		if (f->kind == BH_FILE_SYMLINK) {
			target = resolve_db_link(arena, ctx, f);
			if (!target) {
				bh_diag_add(diags, BH_LEVEL_WARNING, "compdb.symlink", f->path,
					    0, 0, "compilation database is a symlink to '%s', "
					    "which is not a file in the build context; not used",
					    f->link_target);
				continue;
			}
		}
		const bh_source *src = NULL;
		if (bh_ctx_load(&src, ctx, target->path, diags) != BH_OK || !src)
			continue; // diagnosed by bh_ctx_load
		st = bh_compdb_parse(out, arena, target->path, src->data, src->len, ctx, diags);
		(*out)->path = bh_arena_strdup(arena, f->path);
	}
	bh_vec_dispose(&cands);
	return st;
}
