// SPDX-License-Identifier: MIT
// The build context: the first stage of the pipeline. bh_ctx_open walks
// the context directory once, classifies every file, works out which files
// the .dockerignore files let through to the builder, and afterwards loads
// file text on demand (cached, thread-safe).
//
// Invariants:
// - The walk never follows a symlink. Directories are opened with openat
//   relative to their parent's descriptor with O_NOFOLLOW, entries are
//   examined with fstatat(AT_SYMLINK_NOFOLLOW), and a symlink is listed as
//   BH_FILE_SYMLINK with its readlink text. Where its target leads is
//   checked only to diagnose it (outside the context, loop, dangling).
// - bh_ctx_load opens each path component with openat(O_NOFOLLOW) starting
//   from a descriptor of the root kept open for the context's lifetime, so
//   no symlink, "..", or later rename of the root can make it read a file
//   outside the context.
// - After bh_ctx_open returns, only the load cache (and the arena that the
//   cached sources live in) changes, always under `lock`. Everything else
//   is read-only and can be read from any thread.
// - `.git` directories are not listed: they are version-control state, not
//   build input, and can be huge. Nor is Bulkhead's own cache when the user
//   put it in the context (opts->unlisted_dir): its entries change with
//   every scan, and a scan's result must not depend on the last one's.
//
// About `sent`: a file is sent when the root .dockerignore does not exclude
// it. Excluding the Dockerfile or .dockerignore themselves is allowed by
// Docker: BuildKit still transfers them to the builder (the Dockerfile
// through its own channel) because it needs them to run the build, but
// they are no longer part of the context, so ADD/COPY and bind mounts
// cannot reach them. Since `sent` answers "can this file end up in an
// image", they are modelled as not sent.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/ignore.h"
#include "bulkhead/vec.h"
#include "bulkhead/fileio.h"
#include "bulkhead/text.h"

// Deeper directory trees are not walked (each level holds a descriptor).
#define MAX_DEPTH 128
// bh_source_is_binary looks at this many leading bytes.
#define SNIFF_SIZE 8000
// Linux limits a symlink's text to PATH_MAX - 1 bytes.
#define LINK_MAX_LEN 4096

typedef struct {
	const char *path;     // context-relative path of the ignore file; arena
	const bh_ignore *ig;  // arena
} ignore_file;

struct bh_ctx {
	bh_arena *arena;            // owned: every string, file and cached source
	char *root;                 // canonical absolute root, no trailing '/'; arena
	size_t root_len;
	int root_fd;                // the root directory, open until bh_ctx_free
	uint64_t max_file_size;     // bytes, never 0
	BH_VEC(bh_file) files;      // sorted by path (heap array)
	const bh_source **sources;  // load cache parallel to `files` (heap); NULL = not loaded
	BH_VEC(ignore_file) ignores; // every parsed *.dockerignore, sorted by path
	const bh_ignore *root_ignore; // ".dockerignore" at the root, or NULL
	pthread_mutex_t lock;       // guards `sources` and `arena` after open
};

// State of one bh_ctx_open walk.
typedef struct {
	bh_ctx *ctx;
	const bh_ctx_options *opts;
	bh_diags *diags;
	const bh_ignore *excludes; // opts->excludes compiled, in ctx->arena
} walker;

/* ------------------------------------------------------ classification */

const char *bh_file_kind_name(bh_file_kind kind)
{
	switch (kind) {
	case BH_FILE_C_SOURCE: return "c-source";
	case BH_FILE_C_HEADER: return "c-header";
	case BH_FILE_DOCKERFILE: return "dockerfile";
	case BH_FILE_DOCKERIGNORE: return "dockerignore";
	case BH_FILE_COMPDB: return "compdb";
	case BH_FILE_MAKEFILE: return "makefile";
	case BH_FILE_CONFIG: return "config";
	case BH_FILE_TEXT: return "text";
	case BH_FILE_BINARY: return "binary";
	case BH_FILE_SYMLINK: return "symlink";
	case BH_FILE_OTHER: return "other";
	}
	return "other";
}

static bool has_suffix_nocase(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

// Dockerfile, Containerfile, Dockerfile.<x>, <x>.Dockerfile (any case, as
// people write "dockerfile" too). "Dockerfile.md" and friends are
// documentation about the Dockerfile, not one.
static bool is_dockerfile_name(const char *base)
{
	static const char *const stems[] = { "Dockerfile", "Containerfile" };
	static const char *const docs[] = { ".md", ".txt", ".rst", ".adoc", ".html" };
	size_t n = strlen(base);
	for (size_t i = 0; i < BH_ARRAY_LEN(stems); i++) {
		size_t k = strlen(stems[i]);
		if (strcasecmp(base, stems[i]) == 0)
			return true;
		if (n > k + 1 && strncasecmp(base, stems[i], k) == 0 && base[k] == '.') {
			for (size_t j = 0; j < BH_ARRAY_LEN(docs); j++)
				if (has_suffix_nocase(base, docs[j]))
					return false;
			return true;
		}
		if (n > k + 1 && base[n - k - 1] == '.' && strcasecmp(base + n - k, stems[i]) == 0)
			return true;
	}
	return false;
}

// Files that commonly hold credentials or configuration with secrets.
static bool is_config_name(const char *base)
{
	static const char *const names[] = {
		".env", ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials",
		".htpasswd", ".pgpass", ".dockercfg", ".s3cfg", ".boto", "credentials",
		"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".my.cnf", ".gitconfig",
	};
	static const char *const suffixes[] = {
		".env", ".ini", ".conf", ".cfg", ".cnf", ".yaml", ".yml", ".toml",
		".json", ".properties", ".xml", ".pem", ".key", ".p12", ".pfx",
		".jks", ".keystore", ".tfvars", ".tfstate", ".secret", ".secrets",
		".ovpn", ".kdbx", ".asc", ".gpg",
	};
	if (in_list(base, names, BH_ARRAY_LEN(names)))
		return true;
	if (strncmp(base, ".env.", 5) == 0)
		return true;
	for (size_t i = 0; i < BH_ARRAY_LEN(suffixes); i++)
		if (has_suffix_nocase(base, suffixes[i]) && strlen(base) > strlen(suffixes[i]))
			return true;
	return false;
}

bh_file_kind bh_file_kind_of_name(const char *relpath)
{
	const char *slash = strrchr(relpath, '/');
	const char *base = slash ? slash + 1 : relpath;
	size_t n = strlen(base);
	// First: "Dockerfile.dockerignore" is an ignore file, not a Dockerfile.
	if (bh_str_ends_with(base, ".dockerignore"))
		return BH_FILE_DOCKERIGNORE;
	if (is_dockerfile_name(base))
		return BH_FILE_DOCKERFILE;
	if (strcmp(base, "compile_commands.json") == 0)
		return BH_FILE_COMPDB;
	if (strcmp(base, "Makefile") == 0 || strcmp(base, "makefile") == 0 ||
	    strcmp(base, "GNUmakefile") == 0 || (n > 3 && bh_str_ends_with(base, ".mk")))
		return BH_FILE_MAKEFILE;
	if (n > 2 && bh_str_ends_with(base, ".c"))
		return BH_FILE_C_SOURCE;
	if (n > 2 && bh_str_ends_with(base, ".h"))
		return BH_FILE_C_HEADER;
	if (is_config_name(base))
		return BH_FILE_CONFIG;
	return BH_FILE_TEXT;
}

// Kinds that some stage would parse: a binary one deserves a note.
static bool is_parsed_kind(bh_file_kind kind)
{
	return kind == BH_FILE_C_SOURCE || kind == BH_FILE_C_HEADER ||
	       kind == BH_FILE_DOCKERFILE || kind == BH_FILE_COMPDB ||
	       kind == BH_FILE_MAKEFILE;
}

// True if the clean absolute `path` is the root or below it (a root of
// "/" contains every absolute path).
static bool is_below_root(const bh_ctx *ctx, const char *path)
{
	if (ctx->root_len == 1)
		return path[0] == '/';
	return strncmp(path, ctx->root, ctx->root_len) == 0 &&
	       (path[ctx->root_len] == '/' || path[ctx->root_len] == '\0');
}

/* ----------------------------------------------------- reading safely */

typedef enum {
	READ_OK,
	READ_NOT_FOUND,   // a component does not exist
	READ_SYMLINK,     // a component is a symlink
	READ_NOT_REGULAR, // the final component is not a regular file
	READ_TOO_LARGE,   // over max_file_size
	READ_ERROR,       // other I/O failure; errno kept in *err
} read_result;

// Open `relpath` (clean, relative) below the root one component at a time
// without following any symlink. Returns a descriptor or -1 with *res set.
static int open_below_root(const bh_ctx *ctx, const char *relpath, read_result *res, int *err)
{
	char *copy = bh_xstrdup(relpath);
	int dfd = ctx->root_fd, fd = -1;
	char *comp = copy;
	for (;;) {
		char *slash = strchr(comp, '/');
		if (slash)
			*slash = '\0';
		int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
			    (slash ? O_DIRECTORY : O_NONBLOCK | O_NOCTTY);
		int nfd = openat(dfd, comp, flags);
		int e = errno;
		if (nfd < 0) {
			// ENOTDIR on a component may be a symlink: ask lstat.
			struct stat st;
			if (e == ELOOP ||
			    (e == ENOTDIR && fstatat(dfd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			     S_ISLNK(st.st_mode)))
				*res = READ_SYMLINK;
			else if (e == ENOENT)
				*res = READ_NOT_FOUND;
			else if (e == ENOTDIR)
				*res = READ_NOT_REGULAR;
			else
				*res = READ_ERROR;
			*err = e;
		}
		if (dfd != ctx->root_fd)
			close(dfd);
		if (nfd < 0)
			break;
		if (!slash) {
			fd = nfd;
			break;
		}
		dfd = nfd;
		comp = slash + 1;
	}
	free(copy);
	return fd;
}

// Read a whole regular file below the root into a heap buffer (caller
// frees). At most `limit` bytes: a file that grew past it is refused.
static read_result read_below_root(const bh_ctx *ctx, const char *relpath, uint64_t limit,
				   char **data_out, size_t *len_out, int *err)
{
	*data_out = NULL;
	*len_out = 0;
	*err = 0;
	read_result res = READ_OK;
	int fd = open_below_root(ctx, relpath, &res, err);
	if (fd < 0)
		return res;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*err = errno;
		res = READ_ERROR;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		res = READ_NOT_REGULAR;
		goto out;
	}
	if ((uint64_t)st.st_size > limit) {
		res = READ_TOO_LARGE;
		goto out;
	}
	// The file may still grow while it is read: the limit holds then too.
	bh_status st_read = bh_file_read_fd(data_out, len_out, fd, limit, err);
	if (st_read == BH_EINVAL)
		res = READ_TOO_LARGE;
	else if (st_read != BH_OK)
		res = READ_ERROR;
out:
	close(fd);
	return res;
}

/* ---------------------------------------------------------------- walk */

static bool is_excluded(const walker *w, const char *relpath)
{
	return bh_globs_match(w->excludes, relpath) >= 0;
}

static bh_file *add_file(walker *w, const char *relpath, bh_file_kind kind, uint64_t size,
			 bool excluded)
{
	bh_file *f = bh_vec_grow_one(&w->ctx->files);
	f->path = relpath;
	f->kind = kind;
	f->size = size;
	f->excluded = excluded;
	return f;
}

// Does the lexical target of a symlink at `relpath` leave the root?
static bool target_escapes(const bh_ctx *ctx, const char *relpath, const char *target)
{
	size_t n = strlen(relpath) + strlen(target) + 2;
	char *joined = bh_xmalloc(n);
	char *clean = bh_xmalloc(n + 2);
	bool escapes;
	if (target[0] == '/') {
		bh_path_clean(clean, target, strlen(target));
		escapes = !is_below_root(ctx, clean);
	} else {
		const char *slash = strrchr(relpath, '/');
		int dirlen = slash ? (int)(slash - relpath) : 0;
		snprintf(joined, n, "%.*s%s%s", dirlen, relpath, dirlen ? "/" : "", target);
		bh_path_clean(clean, joined, strlen(joined));
		escapes = strcmp(clean, "..") == 0 || strncmp(clean, "../", 3) == 0;
	}
	free(joined);
	free(clean);
	return escapes;
}

// Say where a symlink leads, if that is a problem. It is never followed:
// realpath only names the target.
static void check_symlink(walker *w, const char *relpath, const char *target)
{
	bh_ctx *ctx = w->ctx;
	size_t n = ctx->root_len + strlen(relpath) + 2;
	char *abs = bh_xmalloc(n);
	snprintf(abs, n, "%s/%s", ctx->root_len > 1 ? ctx->root : "", relpath);
	char *real = realpath(abs, NULL);
	int e = errno;
	free(abs);
	if (real) {
		if (!is_below_root(ctx, real))
			bh_diag_add(w->diags, BH_LEVEL_WARNING, "disc.symlink-outside", relpath,
				    0, 0, "symlink points outside the build context (to "
				    "'%s'); not followed", target);
		free(real);
	} else if (e == ELOOP) {
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "disc.symlink-loop", relpath, 0, 0,
			    "symlink loop (via '%s'); not followed", target);
	} else if (target_escapes(ctx, relpath, target)) {
		bh_diag_add(w->diags, BH_LEVEL_WARNING, "disc.symlink-outside", relpath, 0, 0,
			    "symlink points outside the build context (to '%s', which does "
			    "not exist); not followed", target);
	} else if (e == ENOENT || e == ENOTDIR) {
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "disc.symlink-dangling", relpath, 0, 0,
			    "dangling symlink to '%s'", target);
	} else {
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "disc.symlink-dangling", relpath, 0, 0,
			    "cannot resolve symlink to '%s': %s", target, strerror(e));
	}
}

static void add_symlink(walker *w, int dfd, const char *name, const char *relpath,
			const struct stat *st, bool excluded)
{
	char buf[LINK_MAX_LEN];
	ssize_t n = readlinkat(dfd, name, buf, sizeof(buf) - 1);
	bh_file *f = add_file(w, relpath, BH_FILE_SYMLINK, (uint64_t)st->st_size, excluded);
	if (n < 0) {
		if (!excluded)
			bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", relpath, 0, 0,
				    "cannot read symlink: %s", strerror(errno));
		f->link_target = "";
		return;
	}
	f->link_target = bh_arena_strndup(w->ctx->arena, buf, (size_t)n);
	if (!excluded)
		check_symlink(w, relpath, f->link_target);
}

// A regular file: classify by name, then by its first bytes (which also
// proves it can be read). Excluded files are listed but not opened.
static void add_regular(walker *w, int dfd, const char *name, const char *relpath,
			const struct stat *st, bool excluded)
{
	bh_file *f = add_file(w, relpath, bh_file_kind_of_name(relpath), (uint64_t)st->st_size,
			      excluded);
	if (excluded)
		return;
	if (f->size > w->ctx->max_file_size) {
		f->too_large = true;
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "disc.too-large", relpath, 0, 0,
			    "file has %llu bytes, over the %llu-byte limit; not analysed",
			    (unsigned long long)f->size, (unsigned long long)w->ctx->max_file_size);
		return;
	}
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", relpath, 0, 0,
			    "cannot open file: %s", strerror(errno));
		f->kind = BH_FILE_OTHER;
		return;
	}
	// Replaced by a fifo or device since fstatat? Then do not read it.
	struct stat now;
	if (fstat(fd, &now) != 0 || !S_ISREG(now.st_mode)) {
		f->kind = BH_FILE_OTHER;
		close(fd);
		return;
	}
	char buf[SNIFF_SIZE];
	size_t len = 0;
	while (len < sizeof(buf)) {
		ssize_t k = read(fd, buf + len, sizeof(buf) - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", relpath, 0, 0,
				    "cannot read file: %s", strerror(errno));
			f->kind = BH_FILE_OTHER;
			close(fd);
			return;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	close(fd);
	if (bh_source_is_binary(buf, len)) {
		if (is_parsed_kind(f->kind))
			bh_diag_add(w->diags, BH_LEVEL_NOTE, "disc.binary", relpath, 0, 0,
				    "file has NUL bytes, so it is treated as binary and not "
				    "parsed as %s", bh_file_kind_name(f->kind));
		f->kind = BH_FILE_BINARY;
	}
}

// Walk the directory open as `dfd` (owned by the caller) whose relative
// path is `rel` ("" for the root).
static void walk_dir(walker *w, int dfd, const char *rel, unsigned depth)
{
	BH_VEC(char *) names = { 0 };
	const char *shown = *rel ? rel : ".";
	int dup_fd = dup(dfd);
	DIR *dir = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	if (!dir) {
		bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", shown, 0, 0,
			    "cannot list directory: %s", strerror(errno));
		if (dup_fd >= 0)
			close(dup_fd);
		return;
	}
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(dir);
		if (!de) {
			if (errno)
				bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", shown, 0,
					    0, "cannot list directory: %s", strerror(errno));
			break;
		}
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		bh_vec_push(&names, bh_xstrdup(de->d_name));
	}
	closedir(dir);
	// Sorted so that diagnostics come out in a stable order.
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(char *), bh_str_compare_ptrs);

	for (size_t i = 0; i < names.len; i++) {
		const char *name = names.items[i];
		const char *relpath = *rel ? bh_arena_sprintf(w->ctx->arena, "%s/%s", rel, name)
					   : bh_arena_strdup(w->ctx->arena, name);
		bool excluded = is_excluded(w, relpath);
		struct stat st;
		if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno != ENOENT) // ENOENT: removed while we walked
				bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable", relpath, 0,
					    0, "cannot stat: %s", strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (w->opts->flat || strcmp(name, ".git") == 0 ||
			    (w->opts->unlisted_dir && strcmp(relpath, w->opts->unlisted_dir) == 0))
				continue;
			if (depth + 1 >= MAX_DEPTH) {
				bh_diag_add(w->diags, BH_LEVEL_WARNING, "disc.too-deep", relpath, 0,
					    0,
					    "directory nesting deeper than %d levels; not walked",
					    MAX_DEPTH);
				continue;
			}
			int cfd =
				openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (cfd < 0) {
				if (!excluded)
					bh_diag_add(w->diags, BH_LEVEL_ERROR, "disc.unreadable",
						    relpath, 0, 0, "cannot open directory: %s",
						    strerror(errno));
				continue;
			}
			walk_dir(w, cfd, relpath, depth + 1);
			close(cfd);
		} else if (S_ISLNK(st.st_mode)) {
			add_symlink(w, dfd, name, relpath, &st, excluded);
		} else if (S_ISREG(st.st_mode)) {
			add_regular(w, dfd, name, relpath, &st, excluded);
		} else {
			add_file(w, relpath, BH_FILE_OTHER, (uint64_t)st.st_size, excluded);
		}
	}
	for (size_t i = 0; i < names.len; i++)
		free(names.items[i]);
	bh_vec_dispose(&names);
}

static int compare_files(const void *a, const void *b)
{
	return strcmp(((const bh_file *)a)->path, ((const bh_file *)b)->path);
}

/* ---------------------------------------------------- ignore files */

// Can BuildKit ever read this ignore file? The root ".dockerignore", or
// "<X>.dockerignore" beside a file X (the Dockerfile given with -f). A
// ".dockerignore" in a subdirectory never applies.
static bool is_applicable_ignore(const bh_ctx *ctx, const char *path)
{
	if (strcmp(path, ".dockerignore") == 0)
		return true;
	size_t n = strlen(path) - strlen(".dockerignore");
	if (n == 0 || path[n - 1] == '/')
		return false;
	char *stem = bh_xstrndup(path, n);
	bool found = false;
	for (size_t i = 0; i < ctx->files.len && !found; i++)
		found = strcmp(ctx->files.items[i].path, stem) == 0;
	free(stem);
	return found;
}

// Parse every ignore file that can apply now, so that their diagnostics
// are reported once and bh_ctx_ignore_for needs no I/O. Ignore files that
// the user excluded are still obeyed (Docker does) but not diagnosed.
static void load_ignores(bh_ctx *ctx, bh_diags *diags)
{
	for (size_t i = 0; i < ctx->files.len; i++) {
		const bh_file *f = &ctx->files.items[i];
		if (bh_file_kind_of_name(f->path) != BH_FILE_DOCKERIGNORE ||
		    !is_applicable_ignore(ctx, f->path))
			continue;
		bh_diags *d = f->excluded ? NULL : diags;
		if (f->kind == BH_FILE_SYMLINK) {
			if (d)
				bh_diag_add(d, BH_LEVEL_WARNING, "ctx.dockerignore-symlink",
					    f->path, 0, 0, "ignore file is a symlink and is not "
					    "followed; files are assumed to be sent");
			continue;
		}
		if (f->kind == BH_FILE_OTHER)
			continue; // not regular, or unreadable (already diagnosed)
		char *data = NULL;
		size_t len = 0;
		int err = 0;
		read_result res =
			read_below_root(ctx, f->path, ctx->max_file_size, &data, &len, &err);
		if (res != READ_OK) {
			if (d)
				bh_diag_add(d, BH_LEVEL_WARNING, "ctx.dockerignore-unread",
					    f->path, 0, 0, "ignore file could not be read (%s); "
					    "files are assumed to be sent",
					    res == READ_TOO_LARGE ? "over the size limit" :
					    err ? strerror(err) : "not a regular file");
			continue;
		}
		ignore_file *e = bh_vec_grow_one(&ctx->ignores);
		e->path = f->path;
		e->ig = bh_ignore_parse(ctx->arena, f->path, data, len, d);
		if (strcmp(f->path, ".dockerignore") == 0)
			ctx->root_ignore = e->ig;
		free(data);
	}
}

// `sent` of every file, under the root .dockerignore.
static void mark_sent(bh_ctx *ctx)
{
	for (size_t i = 0; i < ctx->files.len; i++)
		ctx->files.items[i].sent = !bh_ignore_excludes(ctx->root_ignore,
							       ctx->files.items[i].path);
}

// An ignore file's overlay replaces its rules (bh_ctx_overlay). Its
// diagnostics are those of the text on disk, reported when it was loaded.
static void reparse_ignore(bh_ctx *ctx, const char *path, const char *text, size_t len)
{
	for (size_t i = 0; i < ctx->ignores.len; i++) {
		ignore_file *e = &ctx->ignores.items[i];
		if (strcmp(e->path, path) != 0)
			continue;
		bh_diags scratch;
		bh_diags_init(&scratch, ctx->arena);
		e->ig = bh_ignore_parse(ctx->arena, path, text, len, &scratch);
		bh_diags_dispose(&scratch);
		if (strcmp(path, ".dockerignore") == 0) {
			ctx->root_ignore = e->ig;
			mark_sent(ctx);
		}
	}
}

/* ----------------------------------------------------------------- API */

bh_status bh_ctx_open(bh_ctx **out, const bh_ctx_options *opts, bh_diags *diags)
{
	*out = NULL;
	const char *given = opts && opts->root ? opts->root : ".";
	char *real = realpath(given, NULL);
	if (!real) {
		int e = errno;
		bh_diag_add(diags, BH_LEVEL_ERROR, "ctx.not-found", NULL, 0, 0,
			    "build context '%s' cannot be opened: %s", given, strerror(e));
		return e == ENOENT || e == ENOTDIR ? BH_ENOTFOUND : BH_EIO;
	}
	int root_fd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0) {
		int e = errno;
		bh_diag_add(diags, BH_LEVEL_ERROR, "ctx.not-found", NULL, 0, 0,
			    e == ENOTDIR ? "build context '%s' is not a directory"
					 : "build context '%s' cannot be opened", given);
		free(real);
		return e == ENOTDIR || e == ENOENT ? BH_ENOTFOUND : BH_EIO;
	}

	bh_ctx *ctx = bh_xcalloc(1, sizeof(*ctx));
	ctx->arena = bh_arena_new();
	ctx->root = bh_arena_strdup(ctx->arena, real);
	ctx->root_len = strlen(ctx->root);
	free(real);
	ctx->root_fd = root_fd;
	ctx->max_file_size = opts && opts->max_file_size ? opts->max_file_size
							 : BH_CTX_DEFAULT_MAX_FILE_SIZE;
	pthread_mutex_init(&ctx->lock, NULL);

	bh_ctx_options defaults = BH_CTX_OPTIONS_INIT;
	walker w = { ctx, opts ? opts : &defaults, diags, NULL };
	w.excludes = bh_globs_compile(ctx->arena, w.opts->excludes, w.opts->nexcludes);
	walk_dir(&w, root_fd, "", 0);
	if (ctx->files.len > 1)
		qsort(ctx->files.items, ctx->files.len, sizeof(bh_file), compare_files);
	ctx->sources = bh_xcalloc(ctx->files.len ? ctx->files.len : 1, sizeof(*ctx->sources));

	load_ignores(ctx, diags);
	mark_sent(ctx);
	*out = ctx;
	return BH_OK;
}

void bh_ctx_free(bh_ctx *ctx)
{
	if (!ctx)
		return;
	close(ctx->root_fd);
	pthread_mutex_destroy(&ctx->lock);
	free(ctx->sources);
	bh_vec_dispose(&ctx->files);
	bh_vec_dispose(&ctx->ignores);
	bh_arena_free(ctx->arena);
	free(ctx);
}

const char *bh_ctx_root(const bh_ctx *ctx)
{
	return ctx->root;
}

size_t bh_ctx_file_count(const bh_ctx *ctx)
{
	return ctx->files.len;
}

const bh_file *bh_ctx_file(const bh_ctx *ctx, size_t i)
{
	bh_assert(i < ctx->files.len);
	return &ctx->files.items[i];
}

static ssize_t find_index(const bh_ctx *ctx, const char *relpath)
{
	size_t lo = 0, hi = ctx->files.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ctx->files.items[mid].path, relpath);
		if (c == 0)
			return (ssize_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const bh_file *bh_ctx_find(const bh_ctx *ctx, const char *relpath)
{
	if (!relpath)
		return NULL;
	ssize_t i = find_index(ctx, relpath);
	return i < 0 ? NULL : &ctx->files.items[i];
}

// The part of the clean absolute path `abs` below the root, or NULL.
static const char *below_root(const bh_ctx *ctx, const char *abs)
{
	if (strncmp(abs, ctx->root, ctx->root_len) != 0)
		return NULL;
	if (abs[ctx->root_len] == '\0')
		return ".";
	if (abs[ctx->root_len] != '/' && ctx->root_len > 1)
		return NULL;
	return abs + ctx->root_len + (ctx->root_len > 1);
}

const char *bh_ctx_relpath(const bh_ctx *ctx, bh_arena *arena, const char *path)
{
	if (!path || !*path)
		return NULL;
	char *abs;
	if (path[0] == '/') {
		abs = bh_xstrdup(path);
	} else {
		char *cwd = realpath(".", NULL); // (POSIX; getcwd(NULL, 0) is glibc's)
		if (!cwd)
			return NULL;
		size_t n = strlen(cwd) + strlen(path) + 2;
		abs = bh_xmalloc(n);
		snprintf(abs, n, "%s/%s", cwd, path);
		free(cwd);
	}
	size_t n = strlen(abs);
	char *clean = bh_xmalloc(n + 2);
	bh_path_clean(clean, abs, n);
	const char *result = NULL;
	const char *rel = below_root(ctx, clean);
	char *slash; // (`clean` is absolute: there is one)
	if (rel) {
		result = bh_arena_strdup(arena, rel);
	} else if ((slash = strrchr(clean, '/'))) {
		// The path may reach the root through a symlinked parent
		// (/tmp -> /private/tmp): resolve its directory only, so that a
		// symlink named by the path is not followed.
		*slash = '\0';
		char *dir = realpath(*clean ? clean : "/", NULL);
		if (dir) {
			size_t k = strlen(dir) + strlen(slash + 1) + 2;
			char *joined = bh_xmalloc(k);
			snprintf(joined, k, "%s/%s", strcmp(dir, "/") ? dir : "", slash + 1);
			rel = below_root(ctx, joined);
			if (rel)
				result = bh_arena_strdup(arena, rel);
			free(joined);
			free(dir);
		}
	}
	free(clean);
	free(abs);
	return result;
}

const bh_ignore *bh_ctx_ignore_for(bh_ctx *ctx, const char *dockerfile_relpath)
{
	if (dockerfile_relpath && *dockerfile_relpath) {
		size_t n = strlen(dockerfile_relpath) + sizeof(".dockerignore");
		char *want = bh_xmalloc(n);
		snprintf(want, n, "%s.dockerignore", dockerfile_relpath);
		const bh_ignore *found = NULL;
		for (size_t i = 0; i < ctx->ignores.len && !found; i++)
			if (strcmp(ctx->ignores.items[i].path, want) == 0)
				found = ctx->ignores.items[i].ig;
		free(want);
		if (found)
			return found;
	}
	return ctx->root_ignore;
}

bool bh_ctx_is_sent(bh_ctx *ctx, const char *dockerfile_relpath, const char *relpath)
{
	return !bh_ignore_excludes(bh_ctx_ignore_for(ctx, dockerfile_relpath), relpath);
}

// Shared by bh_ctx_load (cached in the context's arena, `arena` NULL) and
// bh_ctx_read (a private copy in the caller's `arena`).
static bh_status load_source(const bh_source **out, bh_ctx *ctx, const char *relpath,
			     bh_arena *arena, bh_diags *diags)
{
	*out = NULL;
	const char *shown = relpath ? relpath : "";
	size_t n = strlen(shown);
	char *clean = bh_xmalloc(n + 2);
	bh_path_clean(clean, shown, n);
	bh_status st = BH_OK;
	char *data = NULL;
	size_t len = 0;

	if (n == 0 || clean[0] == '/' || strcmp(clean, ".") == 0 || strcmp(clean, "..") == 0 ||
	    strncmp(clean, "../", 3) == 0) {
		bh_diag_add(diags, BH_LEVEL_WARNING, "ctx.load-refused", NULL, 0, 0,
			    "'%s' is not a path inside the build context; not read", shown);
		st = BH_EIO;
		goto out;
	}
	ssize_t idx = find_index(ctx, clean);
	if (idx >= 0) {
		pthread_mutex_lock(&ctx->lock);
		*out = ctx->sources[idx];
		pthread_mutex_unlock(&ctx->lock);
		if (*out)
			goto out;
		const bh_file *f = &ctx->files.items[idx];
		if (f->kind == BH_FILE_SYMLINK) {
			bh_diag_add(diags, BH_LEVEL_WARNING, "ctx.load-refused", f->path, 0, 0,
				    "file is a symlink; not followed");
			st = BH_EIO;
			goto out;
		}
	}
	int err = 0;
	read_result res = read_below_root(ctx, clean, ctx->max_file_size, &data, &len, &err);
	switch (res) {
	case READ_OK:
		break;
	case READ_NOT_FOUND:
		bh_diag_add(diags, BH_LEVEL_ERROR, "ctx.not-found", clean, 0, 0,
			    "file does not exist in the build context");
		st = BH_ENOTFOUND;
		goto out;
	case READ_SYMLINK:
		bh_diag_add(diags, BH_LEVEL_WARNING, "ctx.load-refused", clean, 0, 0,
			    "path goes through a symlink; not followed");
		st = BH_EIO;
		goto out;
	case READ_NOT_REGULAR:
		bh_diag_add(diags, BH_LEVEL_WARNING, "ctx.load-refused", clean, 0, 0,
			    "not a regular file; not read");
		st = BH_EIO;
		goto out;
	case READ_TOO_LARGE:
		bh_diag_add(diags, BH_LEVEL_NOTE, "disc.too-large", clean, 0, 0,
			    "file is over the %llu-byte limit; not analysed",
			    (unsigned long long)ctx->max_file_size);
		st = BH_EIO;
		goto out;
	case READ_ERROR:
		bh_diag_add(diags, BH_LEVEL_ERROR, "disc.unreadable", clean, 0, 0,
			    "cannot read file: %s", strerror(err));
		st = BH_EIO;
		goto out;
	}

	if (arena) {
		const char *path = idx >= 0 ? ctx->files.items[idx].path : clean;
		*out = bh_source_adopt(arena, path, data, len);
		data = NULL; // now the arena's
		goto out;
	}
	// The arena is shared by all threads: create the source under the lock,
	// and keep the first copy if another thread loaded the file meanwhile.
	pthread_mutex_lock(&ctx->lock);
	if (idx >= 0 && ctx->sources[idx]) {
		*out = ctx->sources[idx];
	} else {
		const char *path = idx >= 0 ? ctx->files.items[idx].path : clean;
		bh_source *src = bh_source_from_bytes(ctx->arena, path, data, len);
		if (idx >= 0)
			ctx->sources[idx] = src;
		*out = src;
	}
	pthread_mutex_unlock(&ctx->lock);
out:
	free(data);
	free(clean);
	return st;
}

bh_status bh_ctx_overlay(bh_ctx *ctx, const char *relpath, const char *text, size_t len)
{
	ssize_t idx = relpath && text ? find_index(ctx, relpath) : -1;
	if (idx < 0 || ctx->files.items[idx].kind == BH_FILE_SYMLINK || ctx->files.items[idx].excluded)
		return BH_ENOTFOUND;
	bh_file *f = &ctx->files.items[idx];
	pthread_mutex_lock(&ctx->lock);
	ctx->sources[idx] = bh_source_from_bytes(ctx->arena, f->path, text, len);
	pthread_mutex_unlock(&ctx->lock);
	f->size = len;
	f->too_large = len > ctx->max_file_size;
	if (f->kind == BH_FILE_DOCKERIGNORE)
		reparse_ignore(ctx, f->path, text, len);
	return BH_OK;
}

bh_status bh_ctx_load(const bh_source **out, bh_ctx *ctx, const char *relpath, bh_diags *diags)
{
	return load_source(out, ctx, relpath, NULL, diags);
}

bh_status bh_ctx_read(const bh_source **out, bh_arena *arena, bh_ctx *ctx, const char *relpath,
		      bh_diags *diags)
{
	return load_source(out, ctx, relpath, arena, diags);
}

const char *bh_ctx_line(bh_ctx_lines *lines, bh_ctx *ctx, const char *path, uint32_t line, size_t *len_out)
{
	if (!lines || !ctx || !path)
		return NULL;
	if (!lines->path || strcmp(lines->path, path) != 0) {
		bh_arena_free(lines->arena);
		lines->arena = bh_arena_new();
		lines->path = bh_arena_strdup(lines->arena, path);
		// Asking again for a line must not diagnose the file twice.
		bh_diags scratch;
		bh_diags_init(&scratch, lines->arena);
		if (bh_ctx_read(&lines->src, lines->arena, ctx, path, &scratch) != BH_OK)
			lines->src = NULL;
		bh_diags_dispose(&scratch);
	}
	return lines->src ? bh_source_line(lines->src, line, len_out) : NULL;
}

void bh_ctx_lines_dispose(bh_ctx_lines *lines)
{
	bh_arena_free(lines->arena);
	*lines = (bh_ctx_lines){ 0 };
}
