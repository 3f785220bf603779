// SPDX-License-Identifier: MIT
// Unit tests for the build context (analyzer/context/ctx.c): the walk,
// classification, symlink and size diagnostics, .dockerignore `sent`
// flags, Dockerfile-specific ignore files and safe, cached loading.
// Each test builds its own context in a fresh mkdtemp directory.
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "tmpctx.h"
#include "bulkhead/ctx.h"
#include "bulkhead/diag.h"
#include "bulkhead/ignore.h"

static char root[64];
static bh_arena *arena;
static bh_diags diags;
static bh_ctx *ctx;

static void setup(void)
{
	cr_assert(bh_test_mkdtemp(root, sizeof(root), "ctx"));
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
	ctx = NULL;
}

static void teardown(void)
{
	bh_ctx_free(ctx);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	bh_test_rmtree(root);
}

TestSuite(ctx, .init = setup, .fini = teardown);

/* ------------------------------------------------------------- helpers */

static char *at(const char *rel)
{
	return bh_arena_sprintf(arena, "%s/%s", root, rel);
}

static void write_bytes(const char *rel, const char *data, size_t len)
{
	cr_assert(bh_test_write(root, rel, data, len), "cannot create %s", rel);
}

static void write_file(const char *rel, const char *text)
{
	write_bytes(rel, text, strlen(text));
}

static void make_link(const char *rel, const char *target)
{
	bh_test_make_parents(root, rel);
	cr_assert_eq(symlink(target, at(rel)), 0, "symlink %s: %s", rel, strerror(errno));
}

static bh_status open_ctx(uint64_t max_size, const char *const *excludes, size_t nexcludes)
{
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = root;
	o.max_file_size = max_size;
	o.excludes = excludes;
	o.nexcludes = nexcludes;
	return bh_ctx_open(&ctx, &o, &diags);
}

static const bh_file *file(const char *rel)
{
	const bh_file *f = bh_ctx_find(ctx, rel);
	cr_assert_not_null(f, "%s not in the inventory", rel);
	return f;
}

// The diagnostic with `code` for `path`, or NULL.
static const bh_diag *find_diag(const char *code, const char *path)
{
	for (size_t i = 0; i < diags.items.len; i++) {
		const bh_diag *d = &diags.items.items[i];
		if (strcmp(d->code, code) == 0 &&
		    (path == NULL ? d->loc.path == NULL
				  : d->loc.path && strcmp(d->loc.path, path) == 0))
			return d;
	}
	return NULL;
}

static size_t count_diags(const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < diags.items.len; i++)
		n += strcmp(diags.items.items[i].code, code) == 0;
	return n;
}

/* --------------------------------------------------------------- walk */

Test(ctx, classifies_names)
{
	static const struct { const char *path; bh_file_kind kind; } names[] = {
		{ "Dockerfile", BH_FILE_DOCKERFILE },
		{ "dockerfile", BH_FILE_DOCKERFILE },
		{ "Containerfile", BH_FILE_DOCKERFILE },
		{ "deploy/app.Dockerfile", BH_FILE_DOCKERFILE },
		{ "Dockerfile.prod", BH_FILE_DOCKERFILE },
		{ "Dockerfile.dockerignore", BH_FILE_DOCKERIGNORE },
		{ "app.Dockerfile.dockerignore", BH_FILE_DOCKERIGNORE },
		{ ".dockerignore", BH_FILE_DOCKERIGNORE },
		{ "Dockerfile.md", BH_FILE_TEXT },
		{ "src/main.c", BH_FILE_C_SOURCE },
		{ "include/x.h", BH_FILE_C_HEADER },
		{ "compile_commands.json", BH_FILE_COMPDB },
		{ "Makefile", BH_FILE_MAKEFILE },
		{ "GNUmakefile", BH_FILE_MAKEFILE },
		{ "rules.mk", BH_FILE_MAKEFILE },
		{ ".env", BH_FILE_CONFIG },
		{ ".env.production", BH_FILE_CONFIG },
		{ "config/app.yaml", BH_FILE_CONFIG },
		{ "certs/server.key", BH_FILE_CONFIG },
		{ "package.json", BH_FILE_CONFIG },
		{ ".npmrc", BH_FILE_CONFIG },
		{ "README", BH_FILE_TEXT },
		{ ".c", BH_FILE_TEXT },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		cr_expect_eq(bh_file_kind_of_name(names[i].path), names[i].kind,
			     "%s: got %s", names[i].path,
			     bh_file_kind_name(bh_file_kind_of_name(names[i].path)));
	cr_expect_str_eq(bh_file_kind_name(BH_FILE_C_SOURCE), "c-source");
	cr_expect_str_eq(bh_file_kind_name(BH_FILE_SYMLINK), "symlink");
}

Test(ctx, walks_nested_dirs_sorted_and_classified)
{
	write_file("Dockerfile", "FROM scratch\n");
	write_file("deploy/app.Dockerfile", "FROM alpine\n");
	write_file("Dockerfile.dockerignore", "x\n");
	write_file("src/main.c", "int main(void) { return 0; }\n");
	write_file("src/lib/util.h", "#pragma once\n");
	write_file("a/b/c/d/e.txt", "deep\n");
	write_file(".env", "TOKEN=1\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);

	cr_assert_eq(bh_ctx_file_count(ctx), 7);
	for (size_t i = 1; i < bh_ctx_file_count(ctx); i++)
		cr_expect_lt(strcmp(bh_ctx_file(ctx, i - 1)->path, bh_ctx_file(ctx, i)->path), 0);
	cr_expect_eq(file("Dockerfile")->kind, BH_FILE_DOCKERFILE);
	cr_expect_eq(file("deploy/app.Dockerfile")->kind, BH_FILE_DOCKERFILE);
	cr_expect_eq(file("Dockerfile.dockerignore")->kind, BH_FILE_DOCKERIGNORE);
	cr_expect_eq(file("src/main.c")->kind, BH_FILE_C_SOURCE);
	cr_expect_eq(file("src/main.c")->size, 29);
	cr_expect_eq(file("src/lib/util.h")->kind, BH_FILE_C_HEADER);
	cr_expect_eq(file("a/b/c/d/e.txt")->kind, BH_FILE_TEXT);
	cr_expect_eq(file(".env")->kind, BH_FILE_CONFIG);
	cr_expect_null(bh_ctx_find(ctx, "src"));
	cr_expect_null(bh_ctx_find(ctx, "missing"));
	cr_expect_eq(diags.items.len, 0);

	const char *r = bh_ctx_root(ctx);
	cr_expect_eq(r[0], '/');
	cr_expect_neq(r[strlen(r) - 1], '/');
}

Test(ctx, skips_git_directory_contents)
{
	write_file(".git/config", "[remote]\n");
	write_file(".git/objects/ab/cdef", "blob");
	write_file("vendor/lib/.git/HEAD", "ref\n");
	write_file(".gitignore", "build\n");
	write_file("main.c", "\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(bh_ctx_file_count(ctx), 2);
	cr_expect_not_null(bh_ctx_find(ctx, ".gitignore"));
	cr_expect_null(bh_ctx_find(ctx, ".git/config"));
	cr_expect_null(bh_ctx_find(ctx, "vendor/lib/.git/HEAD"));
}

Test(ctx, root_missing_or_not_a_directory)
{
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = at("nope");
	cr_expect_eq(bh_ctx_open(&ctx, &o, &diags), BH_ENOTFOUND);
	cr_expect_null(ctx);
	const bh_diag *d = find_diag("ctx.not-found", NULL);
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_ERROR);

	write_file("plain", "x");
	o.root = at("plain");
	cr_expect_eq(bh_ctx_open(&ctx, &o, &diags), BH_ENOTFOUND);
	cr_expect_null(ctx);
	cr_expect_eq(count_diags("ctx.not-found"), 2);
}

/* ------------------------------------------------------------ symlinks */

Test(ctx, symlink_outside_is_listed_not_followed_and_warned)
{
	make_link("passwd", "/etc/passwd");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	const bh_file *f = file("passwd");
	cr_expect_eq(f->kind, BH_FILE_SYMLINK);
	cr_expect_str_eq(f->link_target, "/etc/passwd");
	const bh_diag *d = find_diag("disc.symlink-outside", "passwd");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_WARNING);

	const bh_source *src = NULL;
	cr_expect_eq(bh_ctx_load(&src, ctx, "passwd", &diags), BH_EIO);
	cr_expect_null(src);
	cr_expect_not_null(find_diag("ctx.load-refused", "passwd"));
}

Test(ctx, symlink_relative_escape_is_warned)
{
	make_link("sub/up", "../../outside-file");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	const bh_diag *d = find_diag("disc.symlink-outside", "sub/up");
	cr_assert_not_null(d, "a dangling link out of the context is still 'outside'");
	cr_expect_eq(d->level, BH_LEVEL_WARNING);
}

Test(ctx, symlink_loop_is_noted)
{
	make_link("a", "b");
	make_link("b", "a");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(file("a")->kind, BH_FILE_SYMLINK);
	cr_expect_eq(file("b")->kind, BH_FILE_SYMLINK);
	const bh_diag *d = find_diag("disc.symlink-loop", "a");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
	cr_expect_not_null(find_diag("disc.symlink-loop", "b"));
}

Test(ctx, dangling_symlink_is_noted)
{
	make_link("gone", "missing.txt");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_str_eq(file("gone")->link_target, "missing.txt");
	const bh_diag *d = find_diag("disc.symlink-dangling", "gone");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);
}

Test(ctx, symlink_inside_is_silent_and_symlinked_dir_not_walked)
{
	write_file("sub/file.txt", "hello\n");
	make_link("link.txt", "sub/file.txt");
	make_link("dirlink", "sub");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(diags.items.len, 0);
	cr_expect_eq(file("dirlink")->kind, BH_FILE_SYMLINK);
	cr_expect_null(bh_ctx_find(ctx, "dirlink/file.txt"));
	cr_expect_eq(bh_ctx_file_count(ctx), 3);

	// Loading refuses both the link and a path through the linked directory.
	const bh_source *src = NULL;
	cr_expect_eq(bh_ctx_load(&src, ctx, "link.txt", &diags), BH_EIO);
	cr_expect_eq(bh_ctx_load(&src, ctx, "dirlink/file.txt", &diags), BH_EIO);
	cr_expect_not_null(find_diag("ctx.load-refused", "dirlink/file.txt"));
	cr_expect_eq(bh_ctx_load(&src, ctx, "sub/file.txt", &diags), BH_OK);
	cr_expect_str_eq(src->data, "hello\n");
}

/* -------------------------------------------------- content and limits */

Test(ctx, binary_content_is_detected)
{
	write_bytes("image.dat", "PNG\0\x01\x02", 6);
	write_bytes("weird.c", "int x;\0garbage", 14);
	write_file("text.c", "int y;\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(file("image.dat")->kind, BH_FILE_BINARY);
	cr_expect_eq(file("weird.c")->kind, BH_FILE_BINARY);
	cr_expect_eq(file("text.c")->kind, BH_FILE_C_SOURCE);
	// Only a file some stage would have parsed deserves a note.
	cr_expect_not_null(find_diag("disc.binary", "weird.c"));
	cr_expect_null(find_diag("disc.binary", "image.dat"));
}

Test(ctx, file_over_size_limit_is_listed_not_read)
{
	char big[100];
	memset(big, 'x', sizeof(big));
	write_bytes("big.txt", big, sizeof(big));
	write_file("small.txt", "tiny\n");
	cr_assert_eq(open_ctx(16, NULL, 0), BH_OK);
	const bh_file *f = file("big.txt");
	cr_expect(f->too_large);
	cr_expect_eq(f->size, 100);
	cr_expect_not(file("small.txt")->too_large);
	const bh_diag *d = find_diag("disc.too-large", "big.txt");
	cr_assert_not_null(d);
	cr_expect_eq(d->level, BH_LEVEL_NOTE);

	const bh_source *src = NULL;
	cr_expect_eq(bh_ctx_load(&src, ctx, "big.txt", &diags), BH_EIO);
	cr_expect_null(src);
	cr_expect_eq(bh_ctx_load(&src, ctx, "small.txt", &diags), BH_OK);
}

Test(ctx, fifo_is_other_and_never_opened)
{
	cr_assert_eq(mkfifo(at("pipe"), 0644), 0);
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(file("pipe")->kind, BH_FILE_OTHER);
	cr_expect_eq(diags.items.len, 0);
	const bh_source *src = NULL;
	cr_expect_eq(bh_ctx_load(&src, ctx, "pipe", &diags), BH_EIO);
}

// The walk must report what it cannot read. Tests run as root, which reads
// mode-000 files anyway, so a child process gives up root (setuid to
// nobody) before walking; the parent keeps root to clean up.
Test(ctx, unreadable_file_and_directory_are_errors)
{
	write_file("ok.txt", "fine\n");
	write_file("secret.txt", "hidden\n");
	write_file("locked/inner.txt", "hidden\n");
	chmod(at("secret.txt"), 0);
	chmod(at("locked"), 0);
	chmod(root, 0755);

	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(77);
		bh_arena *a = bh_arena_new();
		bh_diags d;
		bh_diags_init(&d, a);
		bh_ctx *c = NULL;
		bh_ctx_options o = BH_CTX_OPTIONS_INIT;
		o.root = root;
		if (bh_ctx_open(&c, &o, &d) != BH_OK)
			_exit(1);
		int seen = 0;
		for (size_t i = 0; i < d.items.len; i++) {
			const bh_diag *g = &d.items.items[i];
			if (strcmp(g->code, "disc.unreadable") == 0 && g->level == BH_LEVEL_ERROR) {
				if (strcmp(g->loc.path, "secret.txt") == 0)
					seen |= 1;
				if (strcmp(g->loc.path, "locked") == 0)
					seen |= 2;
			}
		}
		const bh_file *f = bh_ctx_find(c, "secret.txt");
		if (!f || f->kind != BH_FILE_OTHER)
			_exit(2);
		if (!bh_ctx_find(c, "ok.txt") || bh_ctx_find(c, "locked/inner.txt"))
			_exit(3);
		if (!bh_diags_has_error(&d))
			_exit(4);
		_exit(seen == 3 ? 0 : 10 + seen);
	}
	int status = 0;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	chmod(at("locked"), 0755); // so that the teardown can remove it
	cr_assert(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		cr_skip_test("cannot drop root privileges to make a file unreadable");
	cr_expect_eq(WEXITSTATUS(status), 0, "child failed with %d", WEXITSTATUS(status));
}

Test(ctx, excluded_files_are_listed_but_not_opened)
{
	write_bytes("third_party/blob.c", "x\0y", 3);
	write_file("src/a.c", "int a;\n");
	write_file("scratch.tmp", "tmp\n");
	make_link("third_party/out", "/etc/passwd");
	static const char *const ex[] = { "third_party/**", "*.tmp" };
	cr_assert_eq(open_ctx(0, ex, 2), BH_OK);
	cr_expect(file("third_party/blob.c")->excluded);
	cr_expect_eq(file("third_party/blob.c")->kind, BH_FILE_C_SOURCE); // not sniffed
	cr_expect(file("scratch.tmp")->excluded);
	cr_expect_not(file("src/a.c")->excluded);
	cr_expect_eq(diags.items.len, 0, "excluded files make no noise");
}

/* ------------------------------------------------------ .dockerignore */

Test(ctx, sent_follows_root_dockerignore)
{
	write_file(".dockerignore", "secrets\n*.log\n!keep.log\nDockerfile\n");
	write_file("Dockerfile", "FROM scratch\n");
	write_file("secrets/key.pem", "-----BEGIN\n");
	write_file("debug.log", "x\n");
	write_file("keep.log", "x\n");
	write_file("src/main.c", "\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_not(file("secrets/key.pem")->sent);
	cr_expect_not(file("debug.log")->sent);
	cr_expect(file("keep.log")->sent);
	cr_expect(file("src/main.c")->sent);
	cr_expect(file(".dockerignore")->sent);
	// Excluded Dockerfiles still drive the build but cannot be COPYed.
	cr_expect_not(file("Dockerfile")->sent);
	cr_expect_eq(bh_ignore_pattern_count(bh_ctx_ignore_for(ctx, NULL)), 4);
}

Test(ctx, no_dockerignore_sends_everything)
{
	write_file("a.txt", "a\n");
	write_file(".env", "X=1\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect(file("a.txt")->sent);
	cr_expect(file(".env")->sent);
	cr_expect_null(bh_ctx_ignore_for(ctx, "Dockerfile"));
	cr_expect(bh_ctx_is_sent(ctx, "Dockerfile", "a.txt"));
}

Test(ctx, dockerfile_specific_ignore_wins_over_root)
{
	write_file(".dockerignore", "a.txt\n");
	write_file("Dockerfile", "FROM scratch\n");
	write_file("docker/app.Dockerfile", "FROM scratch\n");
	write_file("docker/app.Dockerfile.dockerignore", "b.txt\n");
	write_file("a.txt", "a\n");
	write_file("b.txt", "b\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect(bh_ctx_is_sent(ctx, "docker/app.Dockerfile", "a.txt"));
	cr_expect_not(bh_ctx_is_sent(ctx, "docker/app.Dockerfile", "b.txt"));
	cr_expect_not(bh_ctx_is_sent(ctx, "Dockerfile", "a.txt"));
	cr_expect(bh_ctx_is_sent(ctx, "Dockerfile", "b.txt"));
	cr_expect_neq(bh_ctx_ignore_for(ctx, "docker/app.Dockerfile"),
		      bh_ctx_ignore_for(ctx, "Dockerfile"));
	// The inventory's `sent` always uses the root .dockerignore.
	cr_expect_not(file("a.txt")->sent);
	cr_expect(file("b.txt")->sent);
}

Test(ctx, root_dockerfile_dockerignore_applies_to_root_dockerfile)
{
	write_file("Dockerfile", "FROM scratch\n");
	write_file("Dockerfile.dockerignore", "only-for-dockerfile\n");
	write_file("only-for-dockerfile", "x\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_not(bh_ctx_is_sent(ctx, "Dockerfile", "only-for-dockerfile"));
	cr_expect(file("only-for-dockerfile")->sent); // no root .dockerignore
}

Test(ctx, bad_dockerignore_patterns_are_diagnosed_at_open)
{
	write_file(".dockerignore", "ok\n[broken\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	const bh_diag *d = find_diag("ignore.invalid-pattern", ".dockerignore");
	cr_assert_not_null(d);
	cr_expect_eq(d->loc.line, 2);
}

Test(ctx, ignore_files_that_never_apply_are_not_read)
{
	// BuildKit reads only the root .dockerignore and <Dockerfile>.dockerignore.
	write_file("sub/.dockerignore", "[broken\nx\n");
	write_file("orphan.dockerignore", "[broken\n");
	write_file("sub/x", "x\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_eq(diags.items.len, 0);
	cr_expect(file("sub/x")->sent);
	cr_expect_eq(file("sub/.dockerignore")->kind, BH_FILE_DOCKERIGNORE);
}

Test(ctx, symlinked_dockerignore_is_not_followed)
{
	write_file("real-ignore", "secret\n");
	write_file("secret", "x\n");
	make_link(".dockerignore", "real-ignore");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_expect_not_null(find_diag("ctx.dockerignore-symlink", ".dockerignore"));
	cr_expect(file("secret")->sent);
}

/* ---------------------------------------------------------------- load */

Test(ctx, load_is_cached_and_refuses_escapes)
{
	write_file("sub/x.txt", "line1\nline2\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	const bh_source *a = NULL, *b = NULL;
	cr_assert_eq(bh_ctx_load(&a, ctx, "sub/x.txt", &diags), BH_OK);
	cr_assert_eq(bh_ctx_load(&b, ctx, "sub/x.txt", &diags), BH_OK);
	cr_expect_eq(a, b);
	cr_expect_str_eq(a->path, "sub/x.txt");
	cr_expect_eq(a->nlines, 2);
	// A lexically clean path to the same file is the same file.
	cr_assert_eq(bh_ctx_load(&b, ctx, "sub/../sub/x.txt", &diags), BH_OK);
	cr_expect_eq(a, b);

	const bh_source *s = NULL;
	cr_expect_eq(bh_ctx_load(&s, ctx, "../etc/passwd", &diags), BH_EIO);
	cr_expect_eq(bh_ctx_load(&s, ctx, "/etc/passwd", &diags), BH_EIO);
	cr_expect_eq(bh_ctx_load(&s, ctx, "", &diags), BH_EIO);
	cr_expect_eq(count_diags("ctx.load-refused"), 3);
	cr_expect_eq(bh_ctx_load(&s, ctx, "missing.txt", &diags), BH_ENOTFOUND);
	cr_expect_not_null(find_diag("ctx.not-found", "missing.txt"));
	cr_expect_eq(bh_ctx_load(&s, ctx, "sub", &diags), BH_EIO);
}

Test(ctx, read_gives_a_private_copy_with_the_same_checks)
{
	write_file("a.txt", "one\ntwo");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	bh_arena *mine = bh_arena_new();
	const bh_source *r1 = NULL, *r2 = NULL, *cached = NULL;
	cr_assert_eq(bh_ctx_read(&r1, mine, ctx, "a.txt", &diags), BH_OK);
	cr_assert_eq(bh_ctx_read(&r2, mine, ctx, "a.txt", &diags), BH_OK);
	// Not cached: each read is its own copy, in the caller's arena.
	cr_expect_neq(r1, r2);
	cr_expect_eq(r1->len, 7);
	cr_expect_eq(r1->nlines, 2);
	cr_expect_eq(r1->data[r1->len], '\0');
	// Once the context caches the file, reads share the cached copy.
	cr_assert_eq(bh_ctx_load(&cached, ctx, "a.txt", &diags), BH_OK);
	cr_assert_eq(bh_ctx_read(&r2, mine, ctx, "a.txt", &diags), BH_OK);
	cr_expect_eq(r2, cached);
	const bh_source *s = NULL;
	cr_expect_eq(bh_ctx_read(&s, mine, ctx, "../etc/passwd", &diags), BH_EIO);
	cr_expect_eq(bh_ctx_read(&s, mine, ctx, "missing.txt", &diags), BH_ENOTFOUND);
	bh_arena_free(mine);
}

typedef struct {
	bh_ctx *ctx;
	const char *path;
	const bh_source *src;
	bh_status st;
} load_job;

static void *load_thread(void *p)
{
	load_job *job = p;
	bh_arena *a = bh_arena_new();
	bh_diags d;
	bh_diags_init(&d, a);
	for (int i = 0; i < 50; i++)
		job->st = bh_ctx_load(&job->src, job->ctx, job->path, &d);
	bh_diags_dispose(&d);
	bh_arena_free(a);
	return NULL;
}

Test(ctx, concurrent_loads_share_one_source)
{
	for (int i = 0; i < 4; i++)
		write_file(bh_arena_sprintf(arena, "f%d.txt", i),
			   bh_arena_sprintf(arena, "file %d\n", i));
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	load_job jobs[16];
	pthread_t th[16];
	for (int i = 0; i < 16; i++) {
		jobs[i] = (load_job){ctx, bh_arena_sprintf(arena, "f%d.txt", i % 4), NULL, BH_EIO};
		cr_assert_eq(pthread_create(&th[i], NULL, load_thread, &jobs[i]), 0);
	}
	for (int i = 0; i < 16; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 16; i++) {
		cr_expect_eq(jobs[i].st, BH_OK);
		cr_expect_eq(jobs[i].src, jobs[i % 4].src, "one cached source per file");
		cr_expect_eq(jobs[i].src->data[5], '0' + i % 4);
	}
}

Test(ctx, relpath_maps_paths_into_the_context)
{
	write_file("src/main.c", "\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	const char *r = bh_ctx_root(ctx);
	cr_expect_str_eq(bh_ctx_relpath(ctx, arena, bh_arena_sprintf(arena, "%s/src/main.c", r)),
			 "src/main.c");
	cr_expect_str_eq(
		bh_ctx_relpath(ctx, arena, bh_arena_sprintf(arena, "%s/src/../src/main.c", r)),
		"src/main.c");
	cr_expect_str_eq(bh_ctx_relpath(ctx, arena, r), ".");
	cr_expect_null(bh_ctx_relpath(ctx, arena, "/etc/passwd"));
	cr_expect_null(bh_ctx_relpath(ctx, arena, bh_arena_sprintf(arena, "%s/../x", r)));
	cr_expect_null(bh_ctx_relpath(ctx, arena, bh_arena_sprintf(arena, "%sx/y", r)));
	cr_assert_eq(chdir(r), 0);
	cr_expect_str_eq(bh_ctx_relpath(ctx, arena, "src/main.c"), "src/main.c");
	cr_expect_str_eq(bh_ctx_relpath(ctx, arena, "./src/main.c"), "src/main.c");
	cr_assert_eq(chdir("src"), 0);
	cr_expect_str_eq(bh_ctx_relpath(ctx, arena, "../src/main.c"), "src/main.c");
	cr_expect_null(bh_ctx_relpath(ctx, arena, "../../elsewhere"));
	cr_assert_eq(chdir("/"), 0);
}

/* ------------------------------------------------------------- overlays */

Test(ctx, overlay_replaces_a_files_text_and_nothing_else)
{
	write_file("src/a.c", "on disk\n");
	make_link("link.c", "src/a.c");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_assert_eq(bh_ctx_overlay(ctx, "src/a.c", "in the editor\n", 14), BH_OK);
	const bh_source *src = NULL;
	cr_assert_eq(bh_ctx_load(&src, ctx, "src/a.c", &diags), BH_OK);
	cr_assert_str_eq(src->data, "in the editor\n");
	cr_assert_eq(bh_ctx_read(&src, arena, ctx, "src/a.c", &diags), BH_OK);
	cr_assert_str_eq(src->data, "in the editor\n");
	cr_assert_eq(file("src/a.c")->size, 14);
	// The context never grows past what is on disk, nor follows a link.
	cr_assert_eq(bh_ctx_overlay(ctx, "src/new.c", "x", 1), BH_ENOTFOUND);
	cr_assert_null(bh_ctx_find(ctx, "src/new.c"));
	cr_assert_eq(bh_ctx_overlay(ctx, "link.c", "x", 1), BH_ENOTFOUND);
	cr_assert_eq(bh_ctx_overlay(ctx, "../outside", "x", 1), BH_ENOTFOUND);
}

Test(ctx, overlay_of_the_dockerignore_decides_what_is_sent)
{
	write_file(".dockerignore", "*.log\n");
	write_file("Dockerfile", "FROM scratch\n");
	write_file(".env", "KEY=1\n");
	write_file("app.log", "x\n");
	cr_assert_eq(open_ctx(0, NULL, 0), BH_OK);
	cr_assert(file(".env")->sent);
	cr_assert_not(file("app.log")->sent);
	cr_assert_eq(bh_ctx_overlay(ctx, ".dockerignore", ".env\n", 5), BH_OK);
	cr_assert_not(file(".env")->sent);
	cr_assert(file("app.log")->sent);
	cr_assert_not(bh_ctx_is_sent(ctx, "Dockerfile", ".env"));
}

// Bulkhead's own cache, when the user puts it in the context, is not even
// listed: its entries change with every scan. Only that directory: one of
// the same name elsewhere, and files beside it, are listed as usual.
Test(ctx, the_unlisted_directory_is_not_walked)
{
	write_file("main.c", "int main(void) { return 0; }\n");
	write_file("cache/scan-0123", "entry\n");
	write_file("cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
	write_file("sub/cache/kept.txt", "text\n");
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = root;
	o.unlisted_dir = "cache";
	cr_assert_eq(bh_ctx_open(&ctx, &o, &diags), BH_OK);
	file("main.c");
	file("sub/cache/kept.txt");
	cr_assert_null(bh_ctx_find(ctx, "cache/scan-0123"));
	cr_assert_null(bh_ctx_find(ctx, "cache/CACHEDIR.TAG"));
	cr_assert_eq(bh_ctx_file_count(ctx), 2);
	cr_assert_eq(diags.items.len, 0);
}

Test(ctx, a_flat_context_lists_the_roots_own_files_only)
{
	write_file("notes.c", "int f(void) { return 0; }\n");
	write_file("Dockerfile", "FROM scratch\n");
	write_file("deep/er/big.c", "int g(void) { return 1; }\n");
	bh_ctx_options o = BH_CTX_OPTIONS_INIT;
	o.root = root;
	o.flat = true;
	cr_assert_eq(bh_ctx_open(&ctx, &o, &diags), BH_OK);
	file("notes.c");
	file("Dockerfile");
	cr_assert_null(bh_ctx_find(ctx, "deep/er/big.c"));
	cr_assert_eq(bh_ctx_file_count(ctx), 2);
	cr_assert_eq(diags.items.len, 0);
}
