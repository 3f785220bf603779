// SPDX-License-Identifier: MIT
// Unit tests for the image model (analyzer/image): stages and their graph,
// the target, image references, user, ENTRYPOINT/CMD, WORKDIR/ENV/ARG
// scoping, build commands recognised in RUN, secret mounts, provenance
// against a real context with .dockerignore and globs, and the docker.*
// rules over it; hostile input through the whole Dockerfile stage.
#define _XOPEN_SOURCE 700 // nftw
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <ftw.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/df.h"
#include "bulkhead/disc.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/img.h"

static bh_arena *arena;
static bh_diags diags;

static void setup(void)
{
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
}

static void teardown(void)
{
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(img, .init = setup, .fini = teardown, .timeout = 60);

// The compilation database context_model found, for model_ctx.
static const bh_compdb *test_compdb;

static bh_img *model_ctx(const char *text, const char *target, bh_ctx *ctx)
{
	const bh_source *src = bh_source_from_bytes(arena, "Dockerfile", text, strlen(text));
	bh_df_file *df;
	bh_df_parse(&df, arena, src, NULL, &diags);
	bh_img_options opts = BH_IMG_OPTIONS_INIT;
	opts.target = target;
	opts.compdb = test_compdb;
	bh_img *img;
	cr_assert_eq(bh_img_build(&img, arena, ctx, "Dockerfile", df, &opts, &diags), BH_OK);
	return img;
}

static bh_img *model(const char *text, const char *target)
{
	return model_ctx(text, target, NULL);
}

static const bh_img_file *file_at(const bh_img_stage *st, const char *path)
{
	for (size_t i = 0; i < st->nfiles; i++)
		if (strcmp(st->files[i]->path, path) == 0)
			return st->files[i];
	return NULL;
}

static bool has_str(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

Test(img, stages_graph_target_and_compiler_output)
{
	bh_img *img = model("ARG BASE=debian:12\n"
			    "FROM gcc:13 AS build\n"
			    "WORKDIR /src\n"
			    "RUN gcc -O2 -Wall -D_FORTIFY_SOURCE=2 -o /out/app src/main.c util.o -lssl\n"
			    "FROM ${BASE} AS runtime\n"
			    "COPY --from=build /out/app /usr/local/bin/app\n"
			    "ENTRYPOINT [\"app\"]\n"
			    "FROM alpine AS unused\n", NULL);
	cr_assert_eq(img->nstages, 3);
	cr_assert_eq(img->target, 2);
	cr_assert_str_eq(img->stages[1].base.raw, "debian:12");
	cr_assert_not(img->stages[1].base.symbolic);
	cr_assert_not(img->stages[0].in_target);

	img = model("ARG BASE=debian:12\n"
		    "FROM gcc:13 AS build\n"
		    "WORKDIR /src\n"
		    "RUN gcc -O2 -Wall -D_FORTIFY_SOURCE=2 -o /out/app src/main.c util.o -lssl\n"
		    "FROM ${BASE} AS runtime\n"
		    "COPY --from=build /out/app /usr/local/bin/app\n"
		    "ENTRYPOINT [\"app\"]\n"
		    "FROM alpine AS unused\n", "Runtime");
	cr_assert_eq(img->target, 1);
	cr_assert(img->stages[0].in_target);
	cr_assert_not(img->stages[0].layers_in_target);
	cr_assert(img->stages[1].is_target);
	cr_assert_not(img->stages[2].in_target);
	cr_assert_eq(img->stages[1].ndeps, 1);
	cr_assert_eq(img->stages[1].deps[0], 0);

	cr_assert_eq(img->nbuilds, 1);
	const bh_img_build_cmd *bd = &img->builds[0];
	cr_assert_eq(bd->kind, BH_IMG_BUILD_CC);
	cr_assert_str_eq(bd->output, "/out/app");
	cr_assert_str_eq(bd->cwd, "/src");
	cr_assert_eq(bd->ninputs, 2);
	cr_assert_str_eq(bd->inputs[0], "/src/src/main.c");
	cr_assert_str_eq(bd->inputs[1], "/src/util.o");
	cr_assert(has_str(bd->flags, bd->nflags, "-D_FORTIFY_SOURCE=2"));
	cr_assert(has_str(bd->flags, bd->nflags, "-lssl"));
	cr_assert_eq(bd->loc.line, 4);
	cr_assert_eq(bd->loc.col, 5);

	// The runtime's binary links back to the compiler output.
	const bh_img_stage *rt = &img->stages[1];
	const bh_img_file *f = file_at(rt, "/usr/local/bin/app");
	cr_assert_not_null(f);
	cr_assert_eq(f->origin, BH_IMG_FROM_STAGE);
	cr_assert_eq(f->stage, 0);
	const bh_img_file *root = bh_img_file_root(f);
	cr_assert_eq(root->origin, BH_IMG_FROM_RUN);
	cr_assert_eq(root->build, 0);
	// ENTRYPOINT resolves through PATH to that file.
	cr_assert_str_eq(rt->exe, "/usr/local/bin/app");
	cr_assert_eq(rt->exe_file, f);
}

Test(img, unknown_target_is_diagnosed)
{
	bh_img *img = model("FROM a AS x\nFROM b\n", "nope");
	cr_assert_eq(img->target, 1);
	cr_assert_eq(diags.items.len, 1);
	cr_assert_str_eq(diags.items.items[0].code, "img.unknown-target");
}

Test(img, image_references)
{
	bh_img_ref r;
	bh_img_ref_parse(&r, arena, "ghcr.io/org/app:1.2@sha256:abc", false);
	cr_assert_str_eq(r.registry, "ghcr.io");
	cr_assert_str_eq(r.name, "org/app");
	cr_assert_str_eq(r.tag, "1.2");
	cr_assert_str_eq(r.digest, "sha256:abc");
	bh_img_ref_parse(&r, arena, "localhost:5000/x", false);
	cr_assert_str_eq(r.registry, "localhost:5000");
	cr_assert_null(r.tag);
	bh_img_ref_parse(&r, arena, "library/debian", false);
	cr_assert_null(r.registry);
	cr_assert_str_eq(r.name, "library/debian");
	bh_img_ref_parse(&r, arena, "scratch", false);
	cr_assert(r.scratch);
}

Test(img, user_root_detection)
{
	static const struct { const char *user; int root; } cases[] = {
		{ "root", 1 }, { "0", 1 }, { "0:0", 1 }, { "root:staff", 1 }, { "000", 1 },
		{ "app", 0 }, { "1000:1000", 0 }, { "10", 0 }, { "${RUN_AS}", -1 },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(cases); i++) {
		char text[128];
		snprintf(text, sizeof(text), "FROM a\nUSER %s\n", cases[i].user);
		bh_img *img = model(text, NULL);
		cr_expect_eq(img->stages[0].user_root, cases[i].root, "USER %s", cases[i].user);
	}
	// Inherited through FROM <stage>.
	bh_img *img = model("FROM a AS base\nUSER root\nFROM base\nRUN true\n", NULL);
	cr_assert_eq(img->stages[1].user_root, 1);
	cr_assert_eq(img->stages[1].user_instr, &img->df->instrs[1]);
}

Test(img, entrypoint_and_cmd_combine_like_docker)
{
	bh_img *img = model("FROM a\nENTRYPOINT [\"/app\"]\nCMD [\"--port\", \"80\"]\n", NULL);
	const bh_img_stage *st = &img->stages[0];
	cr_assert_eq(st->argc, 3);
	cr_assert_str_eq(st->argv[2], "80");

	img = model("FROM a\nCMD [\"x\"]\nENTRYPOINT /app --flag\n", NULL);
	st = &img->stages[0];
	cr_assert_eq(st->argc, 3);
	cr_assert_str_eq(st->argv[0], "/bin/sh");
	cr_assert_str_eq(st->argv[2], "/app --flag");

	// A child stage's ENTRYPOINT drops the inherited CMD.
	img = model("FROM a AS b\nCMD [\"serve\"]\nFROM b\nENTRYPOINT [\"/x\"]\n", NULL);
	cr_assert_eq(img->stages[1].argc, 1);

	// SHELL changes what shell form runs under.
	img = model("FROM a\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nCMD run me\n", NULL);
	cr_assert_eq(img->stages[0].argc, 5);
	cr_assert_str_eq(img->stages[0].argv[0], "/bin/bash");
}

Test(img, workdir_env_and_arg_scoping)
{
	bh_img *img = model("ARG V=1\n"
			    "FROM a\n"
			    "WORKDIR /app\nWORKDIR sub/../lib\n"
			    "ENV P=/opt Q=x\nENV R=$P/bin S=$V T=${U:-d}\n"
			    "ARG V\nENV W=$V\n"
			    "ARG NODEF\nENV X=$NODEF\n", NULL);
	const bh_img_stage *st = &img->stages[0];
	cr_assert_str_eq(st->workdir, "/app/lib");
	cr_assert_null(st->relative_workdir);
	const char *vals[8] = { 0 };
	const char *names[] = { "P", "Q", "R", "S", "T", "W", "X" };
	for (size_t i = 0; i < st->nenv; i++)
		for (size_t k = 0; k < BH_ARRAY_LEN(names); k++)
			if (strcmp(st->env[i].name, names[k]) == 0)
				vals[k] = st->env[i].value;
	cr_assert_str_eq(vals[2], "/opt/bin");
	cr_assert_str_eq(vals[3], "$V");        // global ARG not visible without re-declaration
	cr_assert_str_eq(vals[4], "${U:-d}");   // unknown stays symbolic
	cr_assert_str_eq(vals[5], "1");         // re-declared global ARG
	cr_assert_str_eq(vals[6], "$NODEF");    // ARG without default: symbolic

	img = model("FROM a\nWORKDIR app\n", NULL);
	cr_assert_not_null(img->stages[0].relative_workdir);
	cr_assert_str_eq(img->stages[0].workdir, "/app");
}

Test(img, make_cmake_meson_configure_install)
{
	bh_img *img = model("FROM a\nENV LDFLAGS=-Wl,-z,relro\nWORKDIR /w\n"
			    "RUN cd /src && CFLAGS=\"-O2\" make CC=gcc -j4 && make install \\\n"
			    " && ./configure --prefix=/usr && cmake -B build -DCMAKE_BUILD_TYPE=Release \\\n"
			    " && meson setup b && ninja -C b && install -m 0755 build/app /usr/local/bin/ \\\n"
			    " && strip /usr/local/bin/app && setcap cap_net_bind_service=+ep /usr/local/bin/app\n",
			    NULL);
	cr_assert_eq(img->nbuilds, 9);
	static const bh_img_build_kind kinds[] = {
		BH_IMG_BUILD_MAKE, BH_IMG_BUILD_MAKE, BH_IMG_BUILD_CONFIGURE, BH_IMG_BUILD_CMAKE,
		BH_IMG_BUILD_MESON, BH_IMG_BUILD_NINJA, BH_IMG_BUILD_INSTALL, BH_IMG_BUILD_STRIP,
		BH_IMG_BUILD_SETCAP,
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(kinds); i++)
		cr_expect_eq(img->builds[i].kind, kinds[i], "build %zu", i);
	const bh_img_build_cmd *mk = &img->builds[0];
	cr_assert_str_eq(mk->cwd, "/src");
	cr_assert(has_str(mk->flags, mk->nflags, "CC=gcc"));
	cr_assert(has_str(mk->env, mk->nenv, "CFLAGS=-O2"));
	cr_assert(has_str(mk->env, mk->nenv, "LDFLAGS=-Wl,-z,relro"));
	const bh_img_build_cmd *inst = &img->builds[6];
	cr_assert_str_eq(inst->output, "/usr/local/bin");
	const bh_img_file *f = file_at(&img->stages[0], "/usr/local/bin/app");
	cr_assert_not_null(f);
	cr_assert_eq(f->origin, BH_IMG_FROM_RUN);
	cr_assert_str_eq(f->mode, "0755");
	cr_assert_str_eq(img->builds[8].inputs[1], "/usr/local/bin/app");
}

Test(img, secret_mounts_and_run_flags)
{
	bh_img *img = model("FROM a\n"
			    "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc --mount=type=cache,target=/c "
			    "--network=host npm ci\n"
			    "RUN --mount=type=secret,id=tok --security=insecure true\n", NULL);
	cr_assert_eq(img->nruns, 2);
	cr_assert_eq(img->runs[0].nsecrets, 1);
	cr_assert_str_eq(img->runs[0].secrets[0].id, "npmrc");
	cr_assert_str_eq(img->runs[0].secrets[0].target, "/root/.npmrc");
	cr_assert_str_eq(img->runs[0].network, "host");
	cr_assert_str_eq(img->runs[1].secrets[0].target, "/run/secrets/tok");
	cr_assert_str_eq(img->runs[1].security, "insecure");
}

Test(img, heredoc_run_is_parsed_as_script)
{
	bh_img *img = model("FROM a\nRUN <<EOF\nset -e\ngcc -o /app main.c\nEOF\n", NULL);
	cr_assert_eq(img->nbuilds, 1);
	cr_assert_eq(img->builds[0].loc.line, 4);
	cr_assert_eq(img->builds[0].loc.col, 1);
	img = model("FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint('gcc -o x')\nEOF\n", NULL);
	cr_assert_eq(img->nbuilds, 0);
}

Test(img, exec_form_run_and_sh_c)
{
	bh_img *img = model("FROM a\nRUN [\"gcc\", \"-o\", \"/x\", \"x.c\"]\n"
			    "RUN [\"/bin/sh\", \"-c\", \"cc -o /y y.c\"]\n", NULL);
	cr_assert_eq(img->nbuilds, 2);
	cr_assert_str_eq(img->builds[0].output, "/x");
	cr_assert_str_eq(img->builds[1].output, "/y");
}

// ------------------------------------------------------------ real context

static char ctxdir[64];

static void write_file(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", ctxdir, rel);
	// Every directory on the way (mkdir -p).
	for (char *slash = strchr(path + strlen(ctxdir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static void remove_ctx(void)
{
	static const char *const files[] = { "app.c", ".env", "id_rsa", ".git/HEAD", "docs/readme.md",
					     "secret/key.pem", ".dockerignore", "Dockerfile" };
	static const char *const dirs[] = { ".git", "docs", "secret" };
	char path[256];
	for (size_t i = 0; i < BH_ARRAY_LEN(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", ctxdir, files[i]);
		unlink(path);
	}
	for (size_t i = 0; i < BH_ARRAY_LEN(dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", ctxdir, dirs[i]);
		rmdir(path);
	}
	rmdir(ctxdir);
}

static size_t count_rule(const bh_findings *f, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < f->items.len; i++)
		n += strcmp(f->items.items[i].rule->id, id) == 0;
	return n;
}

Test(img, provenance_against_a_real_context)
{
	strcpy(ctxdir, "/tmp/bh-img-test-XXXXXX");
	cr_assert_not_null(mkdtemp(ctxdir));
	static const char dockerfile[] =
		"FROM alpine:3.19 AS b\n"
		"WORKDIR /src\n"
		"COPY . .\n"
		"COPY docs/ /docs/\n"
		"COPY *.c /c/\n"
		"COPY nothere.txt /x\n"
		"FROM alpine:3.19@sha256:0000\n"
		"COPY --from=b /src/.env /etc/.env\n"
		"COPY id_rsa /root/\n"
		"RUN rm /root/id_rsa\n"
		"USER 10001\n"
		"HEALTHCHECK CMD true\n";
	write_file("app.c", "int main(void) { return 0; }\n");
	write_file(".env", "TOKEN=x\n");
	write_file("id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
	write_file(".git/HEAD", "ref: refs/heads/main\n");
	write_file("docs/readme.md", "# docs\n");
	write_file("secret/key.pem", "k\n");
	write_file(".dockerignore", "docs\n");
	write_file("Dockerfile", dockerfile);
	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = ctxdir;
	bh_ctx *ctx = NULL;
	cr_assert_eq(bh_ctx_open(&ctx, &copts, &diags), BH_OK);
	bh_img *img = model_ctx(dockerfile, NULL, ctx);

	cr_assert_eq(img->ncopies, 6);
	const bh_img_copy *all = &img->copies[0];
	cr_assert_eq(all->srcs[0].status, BH_IMG_SRC_OK);
	cr_assert(all->srcs[0].is_dir);
	cr_assert_eq(all->srcs[0].nexcluded, 1); // docs/readme.md
	cr_assert_eq(all->srcs[0].nfiles, 6); // .git is not in the inventory
	cr_assert_eq(img->copies[1].srcs[0].status, BH_IMG_SRC_EXCLUDED);
	cr_assert_eq(img->copies[2].srcs[0].nfiles, 1);
	cr_assert_not_null(file_at(&img->stages[0], "/c/app.c"));
	cr_assert_not_null(file_at(&img->stages[0], "/src/secret/key.pem"));
	cr_assert_eq(img->copies[3].srcs[0].status, BH_IMG_SRC_MISSING);

	const bh_img_stage *fin = &img->stages[1];
	const bh_img_file *env = file_at(fin, "/etc/.env");
	cr_assert_not_null(env);
	cr_assert_eq(bh_img_file_root(env)->origin, BH_IMG_FROM_CONTEXT);
	cr_assert_str_eq(bh_img_file_root(env)->source, ".env");
	const bh_img_file *key = file_at(fin, "/root/id_rsa");
	cr_assert_not_null(key);
	cr_assert(key->removed);

	bh_findings findings;
	bh_findings_init(&findings, arena);
	bh_docker_check(img, ctx, NULL, &findings);
	cr_assert_eq(count_rule(&findings, "docker.copy-context-unfiltered"), 1);
	cr_assert_eq(count_rule(&findings, "docker.copy-source-not-sent"), 2);
	cr_assert_eq(count_rule(&findings, "docker.secret-file-layer"), 1);
	cr_assert_eq(count_rule(&findings, "docker.root-user"), 0);
	cr_assert_eq(count_rule(&findings, "docker.no-healthcheck"), 0);
	cr_assert_eq(count_rule(&findings, "docker.unpinned-base"), 1); // the builder: tag only
	for (size_t i = 0; i < findings.items.len; i++)
		if (strcmp(findings.items.items[i].rule->id, "docker.copy-context-unfiltered") == 0)
			cr_assert(strstr(findings.items.items[i].message, "reaches the final image at /etc/.env"),
				  "%s", findings.items.items[i].message);
	bh_findings_dispose(&findings);

	// The printer covers every format without failing.
	for (int fmt = BH_IMG_TEXT; fmt <= BH_IMG_DOT; fmt++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		cr_assert_not_null(out);
		cr_assert_eq(bh_img_print(out, img, (bh_img_format)fmt), BH_OK);
		fclose(out);
		cr_assert_gt(len, 10);
		cr_assert_null(strstr(buf, "TOKEN=x"));
		free(buf);
	}
	bh_ctx_free(ctx);
	remove_ctx();
}

Test(img, secret_names)
{
	static const char *const yes[] = { "DB_PASSWORD", "api_key", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY",
					   "NPM_TOKEN", "PRIVATE_KEY", "DBPASSWORD", "client-secret" };
	static const char *const no[] = { "GPG_KEY", "PASSWORD_FILE", "TOKEN_URL", "PATH", "PWD",
					  "PUBLIC_KEY", "KEYSERVER", "SECRET_NAME", "PASSAGE" };
	for (size_t i = 0; i < BH_ARRAY_LEN(yes); i++)
		cr_expect(bh_img_is_secret_name(yes[i]), "%s", yes[i]);
	for (size_t i = 0; i < BH_ARRAY_LEN(no); i++)
		cr_expect_not(bh_img_is_secret_name(no[i]), "%s", no[i]);
}

// ---------------------------------------------------------------- hostile

Test(img, hostile_dockerfiles_through_model_and_rules)
{
	size_t lines = 100000;
	char *text = bh_xmalloc(lines * 40 + 64);
	size_t len = (size_t)sprintf(text, "FROM alpine AS s0\n");
	for (size_t i = 1; i < lines; i++) {
		switch (i % 5) {
		case 0: len += (size_t)sprintf(text + len, "FROM s%zu AS s%zu\n", i - 5, i); break;
		case 1: len += (size_t)sprintf(text + len, "ENV V%zu=$V%zu\n", i, i - 5); break;
		case 2: len += (size_t)sprintf(text + len, "RUN curl -k x | sh && rm -rf /a%zu\n", i); break;
		case 3: len += (size_t)sprintf(text + len, "COPY --from=s0 /a /b%zu\n", i); break;
		default: len += (size_t)sprintf(text + len, "RUN <<EOF\necho %zu\nEOF\n", i); break;
		}
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const bh_source *src = bh_source_from_bytes(arena, "Dockerfile", text, len);
	bh_df_file *df;
	bh_df_parse(&df, arena, src, NULL, &diags);
	bh_img *img;
	bh_img_build(&img, arena, NULL, "Dockerfile", df, NULL, &diags);
	bh_findings findings;
	bh_findings_init(&findings, arena);
	bh_docker_check(img, NULL, NULL, &findings);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert_gt(img->nstages, 1000);
	cr_assert_gt(findings.items.len, 1000);
	cr_assert_lt((double)(t1.tv_sec - t0.tv_sec), 50.0);
	bh_findings_dispose(&findings);
	free(text);

	// Binary input: a model with no stages, and a parse-error finding.
	char junk[8192];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)((i * 2654435761u) >> 13);
	src = bh_source_from_bytes(arena, "Dockerfile", junk, sizeof(junk));
	bh_df_parse(&df, arena, src, NULL, &diags);
	bh_img_build(&img, arena, NULL, "Dockerfile", df, NULL, &diags);
	bh_findings_init(&findings, arena);
	bh_docker_check(img, NULL, NULL, &findings);
	cr_assert_gt(count_rule(&findings, "docker.parse-error"), 0);
	bh_findings_dispose(&findings);
}

// ------------------------------------------------------------------ corpus

// Every Dockerfile of testdata/docker/corpus parses with no syntax error,
// and its model builds and prints in every format without an error
// diagnostic. The corpus is realistic input, not a golden suite.
Test(img, corpus_parses_and_models_cleanly)
{
	const char *dir = BH_SOURCE_ROOT "/testdata/docker/corpus";
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	cr_assert_geq(n, 0, "cannot read %s", dir);
	size_t checked = 0;
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		size_t len = strlen(name);
		if (len < 11 || strcmp(name + len - 11, ".Dockerfile") != 0) {
			free(ents[i]);
			continue;
		}
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		FILE *f = fopen(path, "rb");
		cr_assert_not_null(f, "%s", path);
		char *text = NULL;
		size_t tlen = 0;
		FILE *mem = open_memstream(&text, &tlen);
		cr_assert_not_null(mem);
		char chunk[4096];
		size_t got;
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			fwrite(chunk, 1, got, mem);
		fclose(f);
		fclose(mem);

		bh_diags d;
		bh_diags_init(&d, arena);
		const bh_source *src = bh_source_from_bytes(arena, name, text, tlen);
		bh_df_file *df;
		bh_df_parse(&df, arena, src, NULL, &d);
		for (size_t e = 0; e < df->nerrors; e++)
			cr_log_error("%s:%u:%u: %s", name, df->errors[e].loc.line, df->errors[e].loc.col,
				     df->errors[e].message);
		cr_expect_eq(df->nerrors, 0, "%s has syntax errors", name);
		bh_img *img;
		bh_img_build(&img, arena, NULL, name, df, NULL, &d);
		cr_expect_gt(img->nstages, 0, "%s has no stage", name);
		bh_findings fs;
		bh_findings_init(&fs, arena);
		bh_docker_check(img, NULL, NULL, &fs);
		cr_expect_eq(count_rule(&fs, "docker.parse-error"), 0, "%s: parse-error finding", name);
		bh_findings_dispose(&fs);
		for (int fmt = BH_IMG_TEXT; fmt <= BH_IMG_DOT; fmt++) {
			char *buf = NULL;
			size_t blen = 0;
			FILE *out = open_memstream(&buf, &blen);
			cr_assert_not_null(out);
			cr_expect_eq(bh_img_print(out, img, (bh_img_format)fmt), BH_OK, "%s", name);
			fclose(out);
			cr_expect_gt(blen, 0);
			free(buf);
		}
		cr_expect_not(bh_diags_has_error(&d), "%s: error diagnostic", name);
		bh_diags_dispose(&d);
		free(text);
		free(ents[i]);
		checked++;
	}
	free(ents);
	cr_assert_geq(checked, 100, "only %zu corpus Dockerfiles", checked);
}

// ------------------------------------------------- artifacts, correlation

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

// A fresh context with `files` (name, text pairs, NULL-terminated) and
// the model of its Dockerfile for `target`.
static bh_img *context_model(const char *const *files, const char *target)
{
	strcpy(ctxdir, "/tmp/bh-img-art-XXXXXX");
	cr_assert_not_null(mkdtemp(ctxdir));
	const char *dockerfile = NULL;
	for (size_t i = 0; files[i]; i += 2) {
		write_file(files[i], files[i + 1]);
		if (strcmp(files[i], "Dockerfile") == 0)
			dockerfile = files[i + 1];
	}
	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = ctxdir;
	bh_ctx *ctx = NULL;
	cr_assert_eq(bh_ctx_open(&ctx, &copts, &diags), BH_OK);
	bh_compdb *db = NULL;
	bh_compdb_discover(&db, arena, ctx, NULL, &diags);
	test_compdb = db;
	cr_assert_not_null(dockerfile, "the context needs a Dockerfile");
	bh_img *img = model_ctx(dockerfile, target, ctx);
	test_compdb = NULL;
	bh_ctx_free(ctx);
	nftw(ctxdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return img;
}

static const bh_img_artifact *artifact(const bh_img *img, const char *path)
{
	for (size_t i = 0; i < img->nartifacts; i++)
		if (strcmp(img->artifacts[i].path, path) == 0)
			return &img->artifacts[i];
	cr_assert_fail("no artifact %s", path);
	return NULL;
}

static const char *sources_of(const bh_img_artifact *a)
{
	char *s = bh_arena_alloc(arena, 1024);
	s[0] = '\0';
	for (size_t i = 0; i < a->nsources; i++) {
		strcat(s, i ? " " : "");
		strcat(s, a->sources[i]);
	}
	return s;
}

Test(img, a_program_copied_from_the_builder_ships_and_a_test_tool_does_not)
{
	static const char *const files[] = {
		"src/server.c", "int main(void) { return 0; }\n",
		"src/http.c", "int h;\n",
		"tests/t.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM gcc:13 AS builder\n"
		"WORKDIR /src\n"
		"COPY . .\n"
		"RUN gcc -o /src/server src/server.c src/http.c && gcc -o t tests/t.c src/http.c\n"
		"FROM debian:12-slim\n"
		"COPY --from=builder /src/server /usr/local/bin/server\n"
		"EXPOSE 8080\n"
		"ENTRYPOINT [\"server\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	cr_assert_eq(img->nartifacts, 2);
	const bh_img_artifact *server = artifact(img, "/src/server");
	cr_assert_str_eq(sources_of(server), "src/server.c src/http.c");
	cr_assert_eq(server->shipped, BH_IMG_SHIP_YES);
	cr_assert_str_eq(server->image_path, "/usr/local/bin/server");
	cr_assert(server->entrypoint);
	cr_assert_eq(server->ship_instr->loc.line, 6);
	const bh_img_artifact *t = artifact(img, "/src/t");
	cr_assert_str_eq(sources_of(t), "tests/t.c src/http.c");
	cr_assert_eq(t->shipped, BH_IMG_SHIP_NO);
	cr_assert_null(t->image_path);
	cr_assert_str_eq(t->why, "/src/t is built in stage 'builder', but the target image takes nothing of it");
}

Test(img, separate_compile_and_link_steps_follow_objects_and_globs)
{
	static const char *const files[] = {
		"a.c", "int a;\n",
		"lib/b.c", "int b;\n",
		"Dockerfile",
		"FROM alpine:3.19\n"
		"WORKDIR /w\n"
		"COPY a.c lib/b.c ./\n"
		"RUN cc -c a.c && cc -c -o /w/obj/b.o b.c && cc -o /usr/bin/app *.o /w/obj/b.o\n"
		"RUN cc -c *.c && cc -o /usr/bin/all a.o b.o\n"
		"CMD [\"app\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	cr_assert_eq(img->nartifacts, 2);
	const bh_img_artifact *app = artifact(img, "/usr/bin/app");
	cr_assert_str_eq(sources_of(app), "a.c lib/b.c");
	// Built in the target itself: it is there, and CMD runs it.
	cr_assert_eq(app->shipped, BH_IMG_SHIP_YES);
	cr_assert(app->entrypoint);
	cr_assert_str_eq(app->why, "built into /usr/bin/app by the RUN at Dockerfile:4, a layer of the target");
	cr_assert_str_eq(sources_of(artifact(img, "/usr/bin/all")), "a.c lib/b.c");
	cr_assert_not(artifact(img, "/usr/bin/all")->entrypoint);
}

Test(img, removed_programs_and_stages_outside_the_target_do_not_ship)
{
	static const char *const files[] = {
		"m.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"COPY m.c /m.c\n"
		"RUN gcc -o /m /m.c\n"
		"FROM build AS slim\n"
		"RUN rm /m\n"
		"FROM debian:12 AS other\n"
		"COPY --from=build /m /usr/bin/m\n",
		NULL,
	};
	bh_img *img = context_model(files, "slim");
	const bh_img_artifact *m = artifact(img, "/m");
	cr_assert_eq(m->shipped, BH_IMG_SHIP_NO);
	cr_assert_str_eq(m->why, "/m is removed by the RUN at Dockerfile:5 (its layer still holds the bytes)");
	img = context_model(files, "other");
	cr_assert_eq(artifact(img, "/m")->shipped, BH_IMG_SHIP_YES);
	static const char *const files2[] = {
		"m.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM gcc:13 AS tools\n"
		"COPY m.c /m.c\n"
		"RUN gcc -o /m /m.c\n"
		"FROM debian:12\n"
		"COPY --from=tools /${WHERE}/m /usr/bin/m\n",
		NULL,
	};
	img = context_model(files2, NULL);
	cr_assert_eq(artifact(img, "/m")->shipped, BH_IMG_SHIP_UNKNOWN);
	img = context_model(files2, "tools");
	cr_assert_eq(artifact(img, "/m")->shipped, BH_IMG_SHIP_YES);
	// (--target tools: the stage that builds it is the image.)
}

static bh_finding *finding_on(bh_findings *f, bh_rule_id rule, const char *path)
{
	bh_finding *fd = bh_finding_add(f, bh_rule_get(rule), (bh_loc){ path, 3, 1, 0, 0 }, "m");
	return fd;
}

Test(img, findings_get_the_context_of_their_program_and_levels_move_one_step)
{
	static const char *const files[] = {
		"src/server.c", "int main(void) { return 0; }\n",
		"tests/t.c", "int main(void) { return 0; }\n",
		"conf/app.conf", "token=x\n",
		"notes.txt", "x\n",
		"Dockerfile",
		"FROM gcc:13 AS builder\n"
		"WORKDIR /src\n"
		"COPY . .\n"
		"RUN gcc -o server src/server.c && gcc -o t tests/t.c\n"
		"FROM alpine:3.19\n"
		"COPY --from=builder /src/server /usr/local/bin/server\n"
		"COPY conf/app.conf /etc/app.conf\n"
		"EXPOSE 8080 9090\n"
		"ENTRYPOINT [\"/usr/local/bin/server\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	bh_findings f;
	bh_findings_init(&f, arena);
	finding_on(&f, BH_RULE_C_UNBOUNDED_COPY, "src/server.c");   // warning, CWE-120
	finding_on(&f, BH_RULE_C_INSECURE_TEMP_FILE, "src/server.c"); // warning, CWE-377
	finding_on(&f, BH_RULE_C_GETS, "tests/t.c");                  // error
	finding_on(&f, BH_RULE_C_GETS, "conf/app.conf");
	finding_on(&f, BH_RULE_C_GETS, "notes.txt");
	finding_on(&f, BH_RULE_C_GETS, "Dockerfile");
	bh_img *const images[] = { img };
	bh_img_correlate(images, 1, NULL, 0, &f);

	const bh_image_context *c = f.items.items[0].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_YES);
	cr_assert_str_eq(c->artifact, "/src/server");
	cr_assert_str_eq(c->image_path, "/usr/local/bin/server");
	cr_assert(c->entrypoint);
	cr_assert_eq(c->root, 1);
	cr_assert_eq(c->nports, 2);
	cr_assert_str_eq(c->libc, "musl");
	cr_assert_eq(c->exposure, 100);
	cr_assert_eq(c->nships, 2);
	cr_assert_eq(c->ships[0].loc.line, 4);
	cr_assert_eq(c->ships[1].loc.line, 6);
	// A memory-safety finding in the exposed root entrypoint: error.
	cr_assert_eq(f.items.items[0].level, BH_LEVEL_ERROR);
	cr_assert(c->adjusted);
	cr_assert_eq(c->original_level, BH_LEVEL_WARNING);
	// A temp-file race is not memory safety: it keeps its level.
	cr_assert_eq(f.items.items[1].level, BH_LEVEL_WARNING);
	cr_assert_not(f.items.items[1].image->adjusted);

	c = f.items.items[2].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_NO);
	cr_assert_eq(c->exposure, 0);
	cr_assert_eq(f.items.items[2].level, BH_LEVEL_WARNING);

	c = f.items.items[3].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_YES);
	cr_assert_str_eq(c->image_path, "/etc/app.conf");
	cr_assert_str_eq(c->reason, "copied to /etc/app.conf by the COPY at Dockerfile:7");
	cr_assert_eq(c->exposure, 75);

	c = f.items.items[4].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_NO);
	cr_assert_str_eq(c->reason, "only in stage 'builder' (the COPY at Dockerfile:3), which the "
				    "target image does not take it from");
	cr_assert_null(f.items.items[5].image);
	bh_findings_dispose(&f);
}

Test(img, code_an_opaque_build_compiles_is_unknown_and_uncopied_code_is_not_shipped)
{
	static const char *const files[] = {
		"src/a.c", "int a;\n",
		"other/b.c", "int b;\n",
		"Dockerfile",
		"FROM gcc:13\n"
		"COPY src/ /src/\n"
		"RUN make -C /src install PREFIX=/usr\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	bh_findings f;
	bh_findings_init(&f, arena);
	finding_on(&f, BH_RULE_C_GETS, "src/a.c");
	finding_on(&f, BH_RULE_C_GETS, "other/b.c");
	bh_img *const images[] = { img };
	bh_img_correlate(images, 1, NULL, 0, &f);
	const bh_image_context *c = f.items.items[0].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_UNKNOWN);
	cr_assert_eq(c->exposure, 25);
	cr_assert_str_eq(c->reason, "stage 0 builds with make at Dockerfile:3, whose rules are not "
				    "followed to the programs it links");
	cr_assert_eq(f.items.items[0].level, BH_LEVEL_ERROR);
	c = f.items.items[1].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_NO);
	cr_assert_str_eq(c->reason, "no stage of Dockerfile copies it");
	bh_findings_dispose(&f);
}

Test(img, the_libc_of_the_base_image)
{
	static const char *const bases[][2] = {
		{ "scratch", "none" }, { "alpine:3.19", "musl" }, { "debian:12-slim", "glibc" },
		{ "gcr.io/distroless/static-debian12", "none" }, { "gcr.io/distroless/cc", "glibc" },
		{ "python:3.12-alpine", "musl" }, { "example.com/own/base:1", NULL },
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(bases); i++) {
		char dockerfile[256];
		snprintf(dockerfile, sizeof(dockerfile), "FROM %s\nCOPY a.txt /a.txt\n", bases[i][0]);
		const char *files[] = { "a.txt", "x\n", "Dockerfile", dockerfile, NULL };
		bh_img *img = context_model(files, NULL);
		bh_findings f;
		bh_findings_init(&f, arena);
		finding_on(&f, BH_RULE_C_GETS, "a.txt");
		bh_img *const images[] = { img };
		bh_img_correlate(images, 1, NULL, 0, &f);
		const char *libc = f.items.items[0].image->libc;
		if (bases[i][1])
			cr_assert_str_eq(libc ? libc : "(null)", bases[i][1], "%s", bases[i][0]);
		else
			cr_assert_null(libc, "%s", bases[i][0]);
		bh_findings_dispose(&f);
	}
}

Test(img, hardening_reads_flag_order_linker_lists_env_values_and_compiler_defaults)
{
	static const char *const files[] = {
		"a.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM ubuntu:24.04 AS build\n"
		"ENV CFLAGS=\"-O2 -fno-stack-protector\"\n"
		"COPY a.c /w/a.c\n"
		"RUN cc -c -o /w/a.o $CFLAGS -fstack-protector-strong -U_FORTIFY_SOURCE /w/a.c\n"
		"RUN cc -Wl,-z,relro,-z,execstack -s -o /w/a /w/a.o\n"
		"RUN cc -g -O0 -D_FORTIFY_SOURCE=2 -o /w/b /w/a.c $UNSET\n"
		"FROM ubuntu:24.04\n"
		"COPY --from=build /w/a /w/b /usr/bin/\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	bh_img_hardening h;
	bh_img_hardening_of(img, artifact(img, "/w/a"), arena, &h);
	// -fstack-protector-strong comes after $CFLAGS' -fno-stack-protector.
	cr_assert(h.present & BH_IMG_HARDEN_SSP);
	cr_assert_eq(h.ndisabling, 2);
	cr_assert_str_eq(h.disabling[0], "-fno-stack-protector");
	cr_assert_str_eq(h.disabling[1], "-U_FORTIFY_SOURCE");
	// Ubuntu's default _FORTIFY_SOURCE is undefined by -U.
	cr_assert_not(h.present & BH_IMG_HARDEN_FORTIFY);
	cr_assert(h.present & BH_IMG_HARDEN_RELRO);
	cr_assert(h.present & BH_IMG_HARDEN_NOW); // Ubuntu's default
	cr_assert(h.execstack);
	cr_assert(h.stripped);
	cr_assert(h.optimised);
	cr_assert_not(h.unknown_flags);
	cr_assert_eq(h.nlines, 2);
	cr_assert_eq(h.lines[0], 4);
	cr_assert_eq(h.lines[1], 5);
	cr_assert_str_eq(h.base, "ubuntu:24.04");

	bh_img_hardening_of(img, artifact(img, "/w/b"), arena, &h);
	cr_assert(h.debug);
	cr_assert_not(h.stripped);
	cr_assert_not(h.optimised);
	cr_assert(h.fortify_requested);
	cr_assert_not(h.present & BH_IMG_HARDEN_FORTIFY); // -O0
	cr_assert(h.unknown_flags);                        // $UNSET
	cr_assert_eq(bh_img_compiler_defaults(&img->stages[0].base),
		     BH_IMG_HARDEN_SSP | BH_IMG_HARDEN_FORTIFY | BH_IMG_HARDEN_PIE | BH_IMG_HARDEN_RELRO |
			     BH_IMG_HARDEN_NOW | BH_IMG_HARDEN_CLASH);
}

// The _FORTIFY_SOURCE level as glibc reads it: 1 is not enough, above 3 is
// 3, and a number too large for a long (atoi's undefined behaviour) too.
Test(img, fortify_levels_are_read_as_glibc_reads_them)
{
	static const char *const files[] = {
		"a.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM debian:12 AS build\n"
		"COPY a.c /w/a.c\n"
		"RUN cc -O2 -D_FORTIFY_SOURCE=1 -o /w/one /w/a.c\n"
		"RUN cc -O2 -D_FORTIFY_SOURCE=7 -o /w/seven /w/a.c\n"
		"RUN cc -O2 -D_FORTIFY_SOURCE=99999999999999999999999 -o /w/huge /w/a.c\n"
		"RUN cc -O2 -D_FORTIFY_SOURCE=-5 -o /w/negative /w/a.c\n"
		"FROM debian:12\n"
		"COPY --from=build /w/one /w/seven /w/huge /w/negative /usr/bin/\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	static const struct {
		const char *path;
		bool fortified;
	} want[] = { { "/w/one", false }, { "/w/seven", true }, { "/w/huge", true }, { "/w/negative", false } };
	for (size_t i = 0; i < BH_ARRAY_LEN(want); i++) {
		bh_img_hardening h;
		bh_img_hardening_of(img, artifact(img, want[i].path), arena, &h);
		cr_assert(h.fortify_requested, "%s", want[i].path);
		cr_assert_eq((h.present & BH_IMG_HARDEN_FORTIFY) != 0, want[i].fortified, "%s", want[i].path);
	}
}

Test(img, copying_a_file_to_dot_or_an_existing_directory_keeps_its_name)
{
	static const char *const files[] = {
		"a.c", "int a;\n", "b.c", "int b;\n", "c.c", "int c;\n",
		"Dockerfile",
		"FROM alpine:3.19\n"
		"WORKDIR /app\n"
		"COPY a.c .\n"
		"COPY b.c /app\n"
		"COPY c.c /opt/c\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	const bh_img_stage *st = &img->stages[0];
	cr_assert_not_null(file_at(st, "/app/a.c"));
	cr_assert_not_null(file_at(st, "/app/b.c"));
	cr_assert_not_null(file_at(st, "/opt/c")); // a new name, as Docker does
}

Test(img, make_runs_link_what_their_makefile_says_and_install_where_it_says)
{
	static const char *const files[] = {
		"src/server.c", "int main(void) { return 0; }\n",
		"src/util.c", "int u;\n",
		"tests/t.c", "int main(void) { return 0; }\n",
		"Makefile",
		"PREFIX ?= /usr/local\n"
		"CFLAGS = -O2 -fstack-protector-strong\n"
		"OBJS = $(patsubst %.c,%.o,$(wildcard src/*.c))\n"
		"server: $(OBJS)\n"
		"\t$(CC) $(CFLAGS) -o $@ $^\n"
		"t: tests/t.c src/util.c\n"
		"\t$(CC) -o $@ $^\n"
		"install: server\n"
		"\tinstall -m 0755 server $(DESTDIR)$(PREFIX)/bin/\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"WORKDIR /src\n"
		"COPY . .\n"
		"RUN make -j 4 server t && make install PREFIX=/opt/svc\n"
		"FROM debian:12-slim\n"
		"COPY --from=build /opt/svc/bin/server /usr/bin/server\n"
		"CMD [\"server\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	cr_assert_eq(img->nartifacts, 2);
	const bh_img_artifact *server = artifact(img, "/src/server");
	cr_assert_not_null(server->made);
	cr_assert_str_eq(img->builds[server->build].build_file, "Makefile");
	cr_assert_str_eq(sources_of(server), "src/server.c src/util.c");
	cr_assert_eq(server->shipped, BH_IMG_SHIP_YES);
	cr_assert_str_eq(server->image_path, "/usr/bin/server");
	cr_assert(server->entrypoint);
	const bh_img_artifact *t = artifact(img, "/src/t");
	cr_assert_eq(t->shipped, BH_IMG_SHIP_NO);
	bh_img_hardening h;
	bh_img_hardening_of(img, server, arena, &h);
	cr_assert(h.present & BH_IMG_HARDEN_SSP);
	cr_assert(h.optimised);
	cr_assert_eq(h.lines[0], 4);
}

Test(img, a_header_goes_where_the_sources_that_include_it_go)
{
	static const char *const files[] = {
		"src/server.c", "int main(void) { return 0; }\n",
		"src/parse.h", "int p;\n",
		"tools/t.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"COPY . /src\n"
		"RUN gcc -O2 -o /src/t /src/tools/t.c && gcc -O2 -o /src/server /src/src/server.c\n"
		"FROM debian:12-slim\n"
		"COPY --from=build /src/server /usr/bin/server\n"
		"CMD [\"server\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	bh_findings f;
	bh_findings_init(&f, arena);
	finding_on(&f, BH_RULE_C_GETS, "src/parse.h");
	finding_on(&f, BH_RULE_C_GETS, "src/parse.h");
	bh_img *const images[] = { img };
	// Included by both programs: the shipped one wins.
	static const char *const both[] = { "src/parse.h\x1ftools/t.c", "src/parse.h\x1fsrc/server.c" };
	bh_img_correlate(images, 1, both, 2, &f);
	const bh_image_context *c = f.items.items[0].image;
	cr_assert_eq(c->shipped, BH_IMG_SHIP_YES);
	cr_assert_str_eq(c->image_path, "/usr/bin/server");
	cr_assert(strncmp(c->reason, "included by src/server.c, compiled into /src/server", 51) == 0,
		  "%s", c->reason);
	// Included only by the tool: not shipped.
	bh_findings g;
	bh_findings_init(&g, arena);
	finding_on(&g, BH_RULE_C_GETS, "src/parse.h");
	bh_img_correlate(images, 1, both, 1, &g);
	cr_assert_eq(g.items.items[0].image->shipped, BH_IMG_SHIP_NO);
	bh_findings_dispose(&f);
	bh_findings_dispose(&g);
}

Test(img, a_shared_library_the_entrypoint_links_counts_as_the_entrypoint)
{
	static const char *const files[] = {
		"lib/parse.c", "int parse(void) { return 0; }\n",
		"main.c", "int main(void) { return 0; }\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"COPY . /w\n"
		"RUN gcc -shared -fPIC -o /w/libparse.so /w/lib/parse.c\n"
		"RUN gcc -o /w/app /w/main.c -L/w -lparse\n"
		"FROM debian:12-slim\n"
		"COPY --from=build /w/libparse.so /usr/lib/libparse.so\n"
		"COPY --from=build /w/app /usr/bin/app\n"
		"ENTRYPOINT [\"/usr/bin/app\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	const bh_img_artifact *lib = artifact(img, "/w/libparse.so");
	cr_assert_eq(lib->shipped, BH_IMG_SHIP_YES);
	cr_assert(lib->entrypoint);
	cr_assert(strstr(lib->why, "the entrypoint /usr/bin/app links it"), "%s", lib->why);
}

Test(img, cmake_and_meson_builds_are_followed_to_their_install_paths)
{
	static const char *const files[] = {
		"src/a.c", "int main(void) { return 0; }\n",
		"CMakeLists.txt",
		"project(p C)\n"
		"add_executable(tool src/a.c)\n"
		"install(TARGETS tool DESTINATION bin)\n",
		"meson.build",
		"project('p', 'c')\n"
		"executable('mtool', 'src/a.c', install: true)\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"COPY . /s\n"
		"RUN mkdir /s/b && cd /s/b && cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo .. && make && make install\n"
		"RUN meson setup /s/m /s && ninja -C /s/m install\n"
		"RUN cmake -S /s -B /s/c && cmake --build /s/c && cmake --install /s/c --prefix /opt/c\n"
		"FROM debian:12-slim\n"
		"COPY --from=build /usr/local/bin/tool /usr/bin/tool\n"
		"COPY --from=build /usr/local/bin/mtool /usr/bin/mtool\n"
		"COPY --from=build /opt/c/bin/tool /usr/bin/ctool\n"
		"CMD [\"tool\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	cr_assert_eq(img->nartifacts, 3);
	const bh_img_artifact *tool = &img->artifacts[0];
	cr_assert_str_eq(tool->path, "/s/b/tool");
	cr_assert_str_eq(sources_of(tool), "src/a.c");
	cr_assert_eq(tool->shipped, BH_IMG_SHIP_YES);
	cr_assert(tool->entrypoint);
	bh_img_hardening h;
	bh_img_hardening_of(img, tool, arena, &h);
	cr_assert(h.optimised);          // RelWithDebInfo: -O2 -g
	cr_assert(h.debug);
	cr_assert_not(h.unknown_flags);
	const bh_img_artifact *mtool = artifact(img, "/s/m/mtool");
	cr_assert_eq(mtool->shipped, BH_IMG_SHIP_YES);
	bh_img_hardening_of(img, mtool, arena, &h);
	cr_assert(h.unknown_flags);      // no --buildtype: the optimisation is not known
	const bh_img_artifact *c = &img->artifacts[2];
	cr_assert_str_eq(c->path, "/s/c/tool");
	cr_assert_eq(c->shipped, BH_IMG_SHIP_YES); // --prefix /opt/c
	cr_assert_str_eq(c->image_path, "/usr/bin/ctool");
}

Test(img, a_link_line_takes_the_sources_of_objects_from_the_compilation_database)
{
	static const char *const files[] = {
		"src/a.c", "int main(void) { return 0; }\n",
		"compile_commands.json",
		"[{\"directory\": \"/b\", \"file\": \"/b/src/a.c\", \"output\": \"obj/a.o\",\n"
		"  \"arguments\": [\"cc\", \"-c\", \"-o\", \"obj/a.o\", \"src/a.c\"]}]\n",
		"Dockerfile",
		"FROM gcc:13\n"
		"WORKDIR /w\n"
		"COPY . .\n"
		"RUN ./build.sh && cc -o app obj/a.o\n"
		"CMD [\"/w/app\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	const bh_img_artifact *app = artifact(img, "/w/app");
	// (obj/a.o under /w, as obj/a.o under the database's /b.)
	cr_assert_str_eq(sources_of(app), "src/a.c");
	bh_img_hardening h;
	bh_img_hardening_of(img, app, arena, &h);
	cr_assert(h.unknown_flags, "a script compiled the object");
}

Test(img, a_copy_of_the_context_that_sends_git_ships_the_repository)
{
	strcpy(ctxdir, "/tmp/bh-img-git-XXXXXX");
	cr_assert_not_null(mkdtemp(ctxdir));
	static const char dockerfile[] = "FROM debian:12-slim AS build\n"
					 "COPY . /src\n"
					 "FROM debian:12-slim\n"
					 "COPY . /app\n"
					 "COPY --from=build /src/a.txt /a.txt\n";
	write_file("a.txt", "x\n");
	write_file(".git/HEAD", "ref: refs/heads/main\n");
	write_file("Dockerfile", dockerfile);
	bh_ctx_options copts = BH_CTX_OPTIONS_INIT;
	copts.root = ctxdir;
	bh_ctx *ctx = NULL;
	cr_assert_eq(bh_ctx_open(&ctx, &copts, &diags), BH_OK);
	bh_img *img = model_ctx(dockerfile, NULL, ctx);
	bh_findings f;
	bh_findings_init(&f, arena);
	bh_img *const images[] = { img };
	bh_image_check(images, 1, ctx, NULL, &f);
	cr_assert_eq(f.items.len, 1, "the builder's copy does not ship; the final one does");
	cr_assert_str_eq(f.items.items[0].rule->id, "image.source-shipped");
	cr_assert_eq(f.items.items[0].loc.line, 4);
	cr_assert(strstr(f.items.items[0].message, "/app/.git"), "%s", f.items.items[0].message);
	// .dockerignore naming .git keeps it out.
	write_file(".dockerignore", ".git\n");
	bh_ctx_free(ctx);
	ctx = NULL;
	cr_assert_eq(bh_ctx_open(&ctx, &copts, &diags), BH_OK);
	img = model_ctx(dockerfile, NULL, ctx);
	bh_findings g;
	bh_findings_init(&g, arena);
	bh_img *const again[] = { img };
	bh_image_check(again, 1, ctx, NULL, &g);
	cr_assert_eq(g.items.len, 0);
	bh_ctx_free(ctx);
	bh_findings_dispose(&f);
	bh_findings_dispose(&g);
	nftw(ctxdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

Test(img, a_static_library_of_another_makefile_gives_its_sources_to_the_program)
{
	static const char *const files[] = {
		"src/main.c", "int main(void) { return 0; }\n",
		"deps/lib/x.c", "int x;\n",
		"deps/lib/Makefile",
		"libx.a: x.o\n"
		"\t$(AR) rcs $@ $^\n",
		"src/Makefile",
		"app: main.o\n"
		"\t$(CC) -o $@ $^ ../deps/lib/libx.a ../deps/other/liby.a\n",
		"Dockerfile",
		"FROM gcc:13\n"
		"COPY . /w\n"
		"RUN make -C /w/deps/lib && make -C /w/src\n"
		"CMD [\"/w/src/app\"]\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	const bh_img_artifact *app = artifact(img, "/w/src/app");
	cr_assert_str_eq(sources_of(app), "src/main.c deps/lib/x.c");
	cr_assert(app->made->incomplete, "liby.a has no Makefile in the context");
}

Test(img, configure_options_in_every_spelling)
{
	static const char *const files[] = {
		"a.c", "int main(void) { return 0; }\n",
		"meson.build", "project('p', 'c')\nexecutable('m', 'a.c', install: true)\n",
		"CMakeLists.txt", "project(p C)\nadd_executable(c a.c)\ninstall(TARGETS c DESTINATION bin)\n",
		"Dockerfile",
		"FROM gcc:13 AS build\n"
		"COPY . /s\n"
		"RUN meson setup /s/m /s --prefix /opt/m -D buildtype=debugoptimized && meson install -C /s/m\n"
		"RUN cmake -S /s -B /s/c -DCMAKE_INSTALL_PREFIX:PATH=/opt/c -DCMAKE_BUILD_TYPE:STRING=MinSizeRel"
		" && cmake --install /s/c\n"
		"FROM debian:12-slim\n"
		"COPY --from=build /opt/m/bin/m /usr/bin/m\n"
		"COPY --from=build /opt/c/bin/c /usr/bin/c\n",
		NULL,
	};
	bh_img *img = context_model(files, NULL);
	const bh_img_artifact *m = artifact(img, "/s/m/m");
	cr_assert_eq(m->shipped, BH_IMG_SHIP_YES);
	bh_img_hardening h;
	bh_img_hardening_of(img, m, arena, &h);
	cr_assert(h.optimised && h.debug && !h.unknown_flags); // debugoptimized: -O2 -g
	const bh_img_artifact *c = artifact(img, "/s/c/c");
	cr_assert_eq(c->shipped, BH_IMG_SHIP_YES);
	bh_img_hardening_of(img, c, arena, &h);
	cr_assert(h.optimised && !h.debug && !h.unknown_flags); // MinSizeRel: -Os
}
