/* SPDX-License-Identifier: MIT */
/*
 * The build context: its root, the inventory of its files (classified),
 * which of them the .dockerignore files would send to the Docker daemon,
 * and safe loading of their text.
 *
 * The walk never follows a symlink: symlinks are listed as such, and one
 * whose target leaves the context, loops or dangles becomes a diagnostic.
 * Loading a file refuses any path that resolves outside the root.
 */
#ifndef BULKHEAD_CTX_H
#define BULKHEAD_CTX_H

#include "common.h"
#include "diag.h"
#include "source.h"

typedef struct bh_arena bh_arena;
typedef struct bh_ignore bh_ignore;

typedef enum {
	BH_FILE_C_SOURCE,   /* *.c */
	BH_FILE_C_HEADER,   /* *.h */
	BH_FILE_DOCKERFILE, /* Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* */
	BH_FILE_DOCKERIGNORE, /* .dockerignore, NAME.dockerignore */
	BH_FILE_COMPDB,     /* compile_commands.json */
	BH_FILE_MAKEFILE,   /* Makefile, makefile, GNUmakefile, *.mk */
	BH_FILE_CONFIG,     /* config that may hold secrets: .env*, *.ini, *.conf, *.cfg, *.yaml, *.yml, *.toml, *.json, *.properties, *.xml, *.pem, *.key, ... */
	BH_FILE_TEXT,       /* any other text file */
	BH_FILE_BINARY,     /* NUL bytes in the first 8 KiB: skipped by text rules */
	BH_FILE_SYMLINK,    /* listed, never followed */
	BH_FILE_OTHER,      /* not regular (fifo, socket, device) or unreadable */
} bh_file_kind;

/** "c-source", "c-header", "dockerfile", ... (stable, used in dumps and JSON). */
const char *bh_file_kind_name(bh_file_kind kind);

/** Classify a context-relative path by name alone (binary needs content). */
bh_file_kind bh_file_kind_of_name(const char *relpath);

typedef struct {
	const char *path;    /* context-relative, '/'-separated; arena */
	bh_file_kind kind;
	uint64_t size;       /* bytes on disk */
	bool too_large;      /* over the size limit: listed, not read */
	bool excluded;       /* by --exclude / config: not analysed at all */
	bool sent;           /* sent to the daemon under the root .dockerignore */
	const char *link_target; /* for BH_FILE_SYMLINK: readlink text; else NULL */
} bh_file;

typedef struct {
	const char *root;            /* context directory (relative or absolute) */
	uint64_t max_file_size;      /* bytes; 0 means the default, 8 MiB */
	const char *const *excludes; /* globs (bh_glob_match_path) */
	size_t nexcludes;
	const char *unlisted_dir;    /* a context-relative directory not even listed (Bulkhead's
					cache, when the user put it inside the context), or NULL */
	bool flat;                   /* the root's own files only: subdirectories are not walked */
} bh_ctx_options;

#define BH_CTX_OPTIONS_INIT { ".", 0, NULL, 0, NULL, false }
#define BH_CTX_DEFAULT_MAX_FILE_SIZE (8u << 20)

typedef struct bh_ctx bh_ctx;

/**
 * Open the context at `opts->root`, walk it and classify every file.
 * Problems with single files become diagnostics in `diags`.
 * Ownership: caller frees `*out` with bh_ctx_free; `diags` is borrowed
 * only during the call.
 * @return BH_ENOTFOUND if the root does not exist or is not a directory
 * (with an error diagnostic), BH_OK otherwise.
 */
bh_status bh_ctx_open(bh_ctx **out, const bh_ctx_options *opts, bh_diags *diags);

void bh_ctx_free(bh_ctx *ctx);

/** Absolute, canonical path of the root (no trailing '/'). */
const char *bh_ctx_root(const bh_ctx *ctx);

/** Files sorted by path. */
size_t bh_ctx_file_count(const bh_ctx *ctx);
const bh_file *bh_ctx_file(const bh_ctx *ctx, size_t i);

/** The file at a context-relative path, or NULL. */
const bh_file *bh_ctx_find(const bh_ctx *ctx, const char *relpath);

/**
 * Map a path given by the user or a tool (absolute, or relative to the
 * current directory) to a context-relative path in `arena`; NULL if it is
 * outside the context.
 */
const char *bh_ctx_relpath(const bh_ctx *ctx, bh_arena *arena, const char *path);

/**
 * The .dockerignore that applies to the Dockerfile at `dockerfile_relpath`:
 * BuildKit prefers `<Dockerfile name>.dockerignore` beside the Dockerfile,
 * then `.dockerignore` at the root. NULL if none (nothing is excluded).
 */
const bh_ignore *bh_ctx_ignore_for(bh_ctx *ctx, const char *dockerfile_relpath);

/** True if `relpath` is sent to the daemon when building `dockerfile_relpath`. */
bool bh_ctx_is_sent(bh_ctx *ctx, const char *dockerfile_relpath, const char *relpath);

/**
 * Load a context file's text (cached; thread-safe). Refuses paths that
 * resolve outside the root or through a symlink, files over the size limit,
 * and unreadable files: each gives a diagnostic and BH_EIO/BH_ENOTFOUND.
 * Ownership: the source lives as long as the context.
 */
bh_status bh_ctx_load(const bh_source **out, bh_ctx *ctx, const char *relpath, bh_diags *diags);

/**
 * Make `relpath`, a regular file of the context, read as `text` (`len`
 * bytes, copied) instead of its bytes on disk: the editor's unsaved buffer
 * for the LSP server. Every later bh_ctx_load/bh_ctx_read of it returns
 * this text; an ignore file's rules are parsed again from it (and which
 * files are sent, for the root .dockerignore). A path the walk did not list
 * as a regular file (new, excluded, a symlink, outside the context) is
 * refused with BH_ENOTFOUND: the context never grows past what is on disk.
 * Call it before any stage reads.
 */
bh_status bh_ctx_overlay(bh_ctx *ctx, const char *relpath, const char *text, size_t len);

/**
 * Like bh_ctx_load, with the same checks and diagnostics, but the source
 * is a private copy in `arena` and the context does not keep it (a file
 * already cached is returned from the cache). For stages that read every
 * file once, such as the secret scanner: memory then stays bounded by the
 * files in flight rather than growing with the context.
 */
bh_status bh_ctx_read(const bh_source **out, bh_arena *arena, bh_ctx *ctx, const char *relpath,
		      bh_diags *diags);

/**
 * Source lines for reports (carets, snippets): the last file asked for is
 * kept in its own arena, since reports walk findings in path order, so
 * memory stays bounded by the largest file. Zero-initialise; dispose with
 * bh_ctx_lines_dispose.
 */
typedef struct {
	bh_arena *arena;
	const char *path;     /* the file kept, or NULL */
	const bh_source *src; /* NULL when it could not be read */
} bh_ctx_lines;

/**
 * Line `line` of context file `path` (not NUL-terminated, `*len_out`
 * bytes), or NULL. A file that cannot be read gives NULL and no
 * diagnostic: it was diagnosed when it was analysed.
 */
const char *bh_ctx_line(bh_ctx_lines *lines, bh_ctx *ctx, const char *path, uint32_t line, size_t *len_out);

void bh_ctx_lines_dispose(bh_ctx_lines *lines);

#endif
