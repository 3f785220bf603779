// SPDX-License-Identifier: MIT
// Build commands in RUN: recognises C compiler invocations, make, cmake,
// meson, ninja, ./configure, install/cp, strip, chmod, setcap and rm in the
// commands of a parsed RUN, records them (bh_img_build_cmd) and applies their
// effect on the stage's provenance map: a compiler's -o output and an
// installed file become entries, chmod sets modes, rm marks entries
// removed. Image correlation ([F]) joins these with the C sources.
//
// Only top-level commands run in sequence are followed for `cd`; commands
// in substitutions are recorded but do not move the working directory.
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/disc.h"
#include "img_internal.h"

typedef BH_VEC(const char *) str_vec;

bool bh_img__all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

// gcc, cc, clang, c89/c99, tcc, musl-gcc, x86_64-linux-gnu-gcc, gcc-12,
// clang-17, aarch64-linux-musl-cc, and $CC / ${CC} as written.
bool bh_img_is_c_compiler(const char *word)
{
	static const char *const exact[] = { "gcc", "cc",  "clang", "c89", "c99", "tcc",
					     "icx", "icc", "$CC",   "${CC}" };
	const char *slash = strrchr(word, '/');
	const char *tool = slash ? slash + 1 : word;
	for (size_t i = 0; i < BH_ARRAY_LEN(exact); i++)
		if (strcmp(tool, exact[i]) == 0)
			return true;
	const char *dash = strrchr(tool, '-');
	if (dash && dash > tool && bh_img__all_digits(dash + 1)) { // gcc-12, x86_64-linux-gnu-gcc-12
		char *base = bh_xstrndup(tool, (size_t)(dash - tool));
		bool r = bh_img_is_c_compiler(base);
		free(base);
		return r;
	}
	return bh_str_ends_with(tool, "-gcc") || bh_str_ends_with(tool, "-cc") || bh_str_ends_with(tool, "-clang");
}

// Options of a C compiler that take the next word as their value.
static bool takes_value(const char *opt)
{
	static const char *const opts[] = { "-I", "-D", "-U", "-include", "-isystem", "-iquote",
					    "-idirafter", "-L", "-x", "-MF", "-MT", "-MQ",
					    "-Xlinker", "-Xassembler", "-Xpreprocessor", "-imacros",
					    "-l", "-T", "-z", "-arch", "--sysroot", "-target" };
	for (size_t i = 0; i < BH_ARRAY_LEN(opts); i++)
		if (strcmp(opt, opts[i]) == 0)
			return true;
	return false;
}

static const char **freeze(bh_arena *arena, str_vec *v, size_t *n)
{
	const char **arr = bh_arena_alloc(arena, (v->len + 1) * sizeof(*arr));
	if (v->len)
		memcpy(arr, v->items, v->len * sizeof(*arr));
	*n = v->len;
	bh_vec_dispose(v);
	return arr;
}

// Build-relevant variables: from the stage's ENV, then the command's own
// NAME=value prefixes.
static void collect_env(bh_img__builder *b, bh_img_build_cmd *bd, const bh_sh_cmd *cmd)
{
	static const char *const names[] = { "CC", "CFLAGS", "CPPFLAGS", "LDFLAGS", "CXX",
					     "CXXFLAGS", "MAKEFLAGS", "LDLIBS" };
	str_vec env = { 0 };
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++) {
		const char *v = bh_df_vars_get(&b->cur.env, names[i], NULL);
		if (v)
			bh_vec_push(&env, bh_arena_sprintf(b->arena, "%s=%s", names[i], v));
	}
	for (size_t i = 0; i < cmd->nassigns; i++)
		for (size_t k = 0; k < BH_ARRAY_LEN(names); k++)
			if (strcmp(cmd->assigns[i].name, names[k]) == 0)
				bh_vec_push(&env, bh_arena_sprintf(b->arena, "%s=%s", names[k],
								   cmd->assigns[i].value));
	bd->env = freeze(b->arena, &env, &bd->nenv);
}

// A C source by its name (what `cc` compiles as C; headers are not units).
bool bh_img__is_c_source(const char *path)
{
	return bh_str_ends_with(path, ".c") || bh_str_ends_with(path, ".i");
}

static void push_unique(str_vec *v, const char *s)
{
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->items[i], s) == 0)
			return;
	bh_vec_push(v, s);
}

// The context files at image path `path` (a glob matches several) of the
// stage as it is now: what the compiler reads when the RUN runs.
static void context_sources(bh_img__builder *b, const char *path, str_vec *out)
{
	const bh_img_file **found;
	size_t n = bh_img__find_files(b, &found, path, false);
	for (size_t i = 0; i < n; i++) {
		const bh_img_file *root = bh_img_file_root(found[i]);
		if (root->origin == BH_IMG_FROM_CONTEXT && bh_img__is_c_source(root->source))
			push_unique(out, root->source);
	}
}

// The sources of objects written by an earlier `cc -c` of this stage that
// `path` names (a glob such as *.o names several).
static void object_sources(bh_img__builder *b, const char *path, str_vec *out)
{
	bool glob = strpbrk(path, "*?[") != NULL;
	for (size_t k = 0; k < b->cur.builds.len; k++) {
		const bh_img_build_cmd *prev = &b->builds.items[b->cur.builds.items[k]];
		for (size_t j = 0; j < prev->nobjects; j++) {
			const char *o = prev->objects[j];
			if (strcmp(o, path) != 0 && !(glob && fnmatch(path, o, FNM_PATHNAME) == 0))
				continue;
			// `cc -c a.c b.c` writes a.o and b.o: each object is its
			// own source; one -o object holds them all.
			if (prev->nobjects == prev->nsources)
				push_unique(out, prev->sources[j]);
			else
				for (size_t i = 0; i < prev->nsources; i++)
					push_unique(out, prev->sources[i]);
		}
	}
}

// The source the compilation database compiles into object `path` (an
// image path): the entry whose output is that path, or whose output under
// its directory is `path` under the working directory `cwd`.
static void compdb_sources(bh_img__builder *b, const char *cwd, const char *path, str_vec *out)
{
	if (!b->compdb || strpbrk(path, "*?["))
		return;
	size_t cl = strlen(cwd);
	const char *rel = strncmp(path, cwd, cl) == 0 && path[cl] == '/' ? path + cl + 1 : NULL;
	for (size_t i = 0; i < b->compdb->entries.len; i++) {
		const bh_compdb_entry *e = &b->compdb->entries.items[i];
		if (!e->output || !e->ctx_path)
			continue;
		size_t dl = strlen(e->directory);
		const char *erel = strncmp(e->output, e->directory, dl) == 0 && e->output[dl] == '/'
				 ? e->output + dl + 1 : NULL;
		if (strcmp(e->output, path) == 0 || (rel && erel && strcmp(rel, erel) == 0))
			push_unique(out, e->ctx_path);
	}
}

// `cc -c src/a.c` writes a.o in the working directory (named after the
// source: COPY keeps file names, and a glob's matches have their own).
static const char *object_of(bh_img__builder *b, const bh_img_build_cmd *bd, const char *src)
{
	const char *base = strrchr(src, '/');
	base = base ? base + 1 : src;
	const char *dot = strrchr(base, '.');
	size_t stem = dot ? (size_t)(dot - base) : strlen(base);
	return bh_img__resolve(b->arena, bd->cwd, bh_arena_sprintf(b->arena, "%.*s.o", (int)stem, base));
}

static void parse_cc(bh_img__builder *b, bh_img_build_cmd *bd, const char *const *argv, size_t argc)
{
	str_vec inputs = { 0 }, flags = { 0 };
	bool compile_only = false, no_link = false;
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-o") == 0 && i + 1 < argc) {
			bd->output = bh_img__resolve(b->arena, bd->cwd, argv[++i]);
		} else if (strncmp(a, "-o", 2) == 0 && a[2]) {
			bd->output = bh_img__resolve(b->arena, bd->cwd, a + 2);
		} else if (a[0] == '-') {
			bh_vec_push(&flags, a);
			if (strcmp(a, "-c") == 0)
				compile_only = true;
			if (strcmp(a, "-E") == 0 || strcmp(a, "-S") == 0 || strcmp(a, "-M") == 0 ||
			    strcmp(a, "-MM") == 0)
				no_link = true;
			if (takes_value(a) && i + 1 < argc)
				bh_vec_push(&flags, argv[++i]);
		} else {
			bh_vec_push(&inputs, bh_img__resolve(b->arena, bd->cwd, a));
		}
	}
	// No -o: a link writes a.out; -c writes one object per source, which
	// is left unrecorded (no single output).
	if (!bd->output && !compile_only && !no_link && inputs.len)
		bd->output = bh_img__resolve(b->arena, bd->cwd, "a.out");
	str_vec sources = { 0 }, objects = { 0 };
	for (size_t i = 0; i < inputs.len; i++) {
		const char *in = inputs.items[i];
		size_t before = sources.len;
		if (bh_str_ends_with(in, ".o")) {
			object_sources(b, in, &sources);
			if (sources.len == before)
				compdb_sources(b, bd->cwd, in, &sources);
		}
		else
			context_sources(b, in, &sources);
		if (compile_only && !bd->output)
			for (size_t j = before; j < sources.len; j++)
				bh_vec_push(&objects, object_of(b, bd, sources.items[j]));
	}
	if (compile_only && bd->output) {
		bh_vec_push(&objects, bd->output);
		bd->output = NULL; // an object is no artifact of its own
	}
	bd->inputs = freeze(b->arena, &inputs, &bd->ninputs);
	bd->flags = freeze(b->arena, &flags, &bd->nflags);
	bd->sources = freeze(b->arena, &sources, &bd->nsources);
	bd->objects = freeze(b->arena, &objects, &bd->nobjects);
}

// Operands after options (install -m 755 a b /dst; cp -r x y).
static void operands(bh_img__builder *b, bh_img_build_cmd *bd, const char *const *argv, size_t argc,
		     const char *valued, const char **target_dir, const char **mode)
{
	str_vec ops = { 0 }, flags = { 0 };
	bool end = false;
	for (size_t i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!end && strcmp(a, "--") == 0) {
			end = true;
		} else if (!end && a[0] == '-' && a[1]) {
			bh_vec_push(&flags, a);
			if (a[1] != '-' && a[2] == '\0' && valued && strchr(valued, a[1]) && i + 1 < argc) {
				const char *v = argv[++i];
				bh_vec_push(&flags, v);
				if (a[1] == 't' && target_dir)
					*target_dir = bh_img__resolve(b->arena, bd->cwd, v);
				if (a[1] == 'm' && mode)
					*mode = v;
			} else if (strncmp(a, "--target-directory=", 19) == 0 && target_dir) {
				*target_dir = bh_img__resolve(b->arena, bd->cwd, a + 19);
			} else if (strncmp(a, "--mode=", 7) == 0 && mode) {
				*mode = a + 7;
			}
		} else {
			bh_vec_push(&ops, a);
		}
	}
	bd->inputs = freeze(b->arena, &ops, &bd->ninputs);
	bd->flags = freeze(b->arena, &flags, &bd->nflags);
}

static bool has_flag(const bh_img_build_cmd *bd, const char *letter)
{
	for (size_t i = 0; i < bd->nflags; i++) {
		const char *f = bd->flags[i];
		if (f[0] == '-' && f[1] != '-' && strpbrk(f + 1, letter))
			return true;
	}
	return false;
}

// install/cp SRC... DEST: each source lands at DEST/basename (directory
// destination) or DEST; its entry links to the source's entry if known.
static void apply_copy(bh_img__builder *b, bh_img_build_cmd *bd, const char *target_dir,
		       const char *mode, size_t build_index)
{
	if (has_flag(bd, "d") && bd->kind == BH_IMG_BUILD_INSTALL)
		return; // install -d creates directories
	size_t nsrc = bd->ninputs;
	const char *dest = target_dir;
	if (!dest) {
		if (nsrc < 2)
			return;
		nsrc--;
		dest = bd->inputs[nsrc];
	}
	size_t dl = strlen(dest);
	bool dir = target_dir || nsrc > 1 || (dl && dest[dl - 1] == '/');
	const char *rdest = bh_img__resolve(b->arena, bd->cwd, dest);
	// cp x /usr/local/bin where /usr/local/bin is a known directory.
	for (size_t i = 0; !dir && i < b->cur.files.len; i++) {
		const char *p = b->cur.files.items[i]->path;
		size_t rl = strlen(rdest);
		dir = strncmp(p, rdest, rl) == 0 && p[rl] == '/';
	}
	if (!dir && (strcmp(rdest, "/usr/local/bin") == 0 || strcmp(rdest, "/usr/bin") == 0 ||
		     strcmp(rdest, "/bin") == 0 || strcmp(rdest, "/usr/local/sbin") == 0 ||
		     strcmp(rdest, "/usr/sbin") == 0))
		dir = true;
	bd->output = rdest;
	for (size_t i = 0; i < nsrc; i++) {
		const char *src = bh_img__resolve(b->arena, bd->cwd, bd->inputs[i]);
		const char *base = strrchr(src, '/');
		base = base ? base + 1 : src;
		const char *to = dir ? bh_img__resolve(b->arena, rdest, base) : rdest;
		const bh_img_file **found;
		size_t nf = bh_img__find_files(b, &found, src, false);
		bh_img_file *f = bh_img__add_file(b, to, BH_IMG_FROM_RUN, src,
						  b->runs.items[bd->run].instr);
		if (!f)
			return;
		f->build = (int)build_index;
		f->prev = nf ? found[nf - 1] : NULL;
		f->mode = mode;
	}
}

static void apply_rm(bh_img__builder *b, bh_img_build_cmd *bd)
{
	for (size_t i = 0; i < bd->ninputs; i++) {
		const char *p = bh_img__resolve(b->arena, bd->cwd, bd->inputs[i]);
		const bh_img_file **found;
		size_t n = bh_img__find_files(b, &found, p, true);
		for (size_t k = 0; k < n; k++) {
			bh_img_file *f = (bh_img_file *)found[k];
			f->removed = true;
			f->removed_by = b->runs.items[bd->run].instr;
		}
	}
}

static void apply_chmod(bh_img__builder *b, bh_img_build_cmd *bd)
{
	if (bd->ninputs < 2)
		return;
	const char *mode = bd->inputs[0];
	bool recursive = has_flag(bd, "R");
	for (size_t i = 1; i < bd->ninputs; i++) {
		const char *p = bh_img__resolve(b->arena, bd->cwd, bd->inputs[i]);
		const bh_img_file **found;
		size_t n = bh_img__find_files(b, &found, p, recursive);
		for (size_t k = 0; k < n; k++)
			((bh_img_file *)found[k])->mode = mode;
	}
}

// Wrappers that run their arguments as a command.
static size_t skip_wrappers(const char *const *argv, size_t argc)
{
	size_t i = 0;
	while (i < argc) {
		const char *t = bh_sh_basename(argv[i]);
		if (strcmp(t, "sudo") == 0 || strcmp(t, "nice") == 0 || strcmp(t, "time") == 0 ||
		    strcmp(t, "exec") == 0 || strcmp(t, "command") == 0 || strcmp(t, "nohup") == 0 ||
		    strcmp(t, "env") == 0) {
			i++;
			while (i < argc && (argv[i][0] == '-' || strchr(argv[i], '=')))
				i++;
			continue;
		}
		break;
	}
	return i;
}

// `ninja -C build install` installs what cmake or meson configured there.
static void apply_ninja(bh_img__builder *b, bh_img_build_cmd *bd, size_t index)
{
	const char *dir = bd->cwd;
	bool install = false;
	for (size_t i = 0; i < bd->nflags; i++) {
		if (strcmp(bd->flags[i], "-C") == 0 && i + 1 < bd->nflags)
			dir = bh_img__resolve(b->arena, bd->cwd, bd->flags[++i]);
		else
			install |= strcmp(bd->flags[i], "install") == 0;
	}
	if (install)
		bh_img__install_configured(b, dir, index, NULL);
}

void bh_img__recognise_builds(bh_img__builder *b, size_t run_index)
{
	const bh_img_run *run = &b->runs.items[run_index];
	const bh_sh_script *sc = run->script;
	if (!sc)
		return;
	const char *cwd = run->cwd;
	for (size_t c = 0; c < sc->ncmds; c++) {
		const bh_sh_cmd *cmd = &sc->cmds[c];
		size_t skip = skip_wrappers(cmd->argv, cmd->argc);
		if (skip >= cmd->argc)
			continue;
		const char *const *argv = cmd->argv + skip;
		size_t argc = cmd->argc - skip;
		const char *tool = bh_sh_basename(argv[0]);
		if (strcmp(tool, "cd") == 0 && cmd->context == BH_SH_TOP) {
			if (argc >= 2 && !strchr(argv[1], '$'))
				cwd = bh_img__resolve(b->arena, cwd, argv[1]);
			continue;
		}
		bh_img_build_cmd bd = { 0 };
		bool known = true;
		if (bh_img_is_c_compiler(tool))
			bd.kind = BH_IMG_BUILD_CC;
		else if (strcmp(tool, "make") == 0 || strcmp(tool, "gmake") == 0)
			bd.kind = BH_IMG_BUILD_MAKE;
		else if (strcmp(tool, "cmake") == 0)
			bd.kind = BH_IMG_BUILD_CMAKE;
		else if (strcmp(tool, "meson") == 0)
			bd.kind = BH_IMG_BUILD_MESON;
		else if (strcmp(tool, "ninja") == 0 || strcmp(tool, "samu") == 0)
			bd.kind = BH_IMG_BUILD_NINJA;
		else if (strcmp(tool, "configure") == 0)
			bd.kind = BH_IMG_BUILD_CONFIGURE;
		else if (strcmp(tool, "install") == 0 || strcmp(tool, "cp") == 0)
			bd.kind = BH_IMG_BUILD_INSTALL;
		else if (strcmp(tool, "strip") == 0 || bh_str_ends_with(tool, "-strip"))
			bd.kind = BH_IMG_BUILD_STRIP;
		else if (strcmp(tool, "chmod") == 0)
			bd.kind = BH_IMG_BUILD_CHMOD;
		else if (strcmp(tool, "setcap") == 0)
			bd.kind = BH_IMG_BUILD_SETCAP;
		else if (strcmp(tool, "rm") == 0)
			bd.kind = BH_IMG_BUILD_RM;
		else
			known = false;
		if (!known)
			continue;
		bd.cmd = cmd;
		bd.run = run_index;
		bd.tool = tool;
		bd.cwd = cwd;
		uint32_t line, col;
		bh_img_run_position(b->df, run, cmd->offset, &line, &col);
		bd.loc = (bh_loc){ b->dockerfile, line, col, 0, 0 };
		collect_env(b, &bd, cmd);
		size_t index = b->builds.len;
		const char *target_dir = NULL, *mode = NULL;
		switch (bd.kind) {
		case BH_IMG_BUILD_CC:
			parse_cc(b, &bd, argv, argc);
			break;
		case BH_IMG_BUILD_INSTALL:
			operands(b, &bd, argv, argc, "mogtS", &target_dir, &mode);
			break;
		default: {
			// make/cmake/meson/ninja/configure keep every argument as a
			// flag; file tools keep their operands as inputs.
			bool file_tool = bd.kind >= BH_IMG_BUILD_STRIP;
			if (file_tool) {
				operands(b, &bd, argv, argc, bd.kind == BH_IMG_BUILD_STRIP ? "oRK" : "",
					 NULL, NULL);
			} else {
				str_vec flags = { 0 };
				for (size_t i = 1; i < argc; i++)
					bh_vec_push(&flags, argv[i]);
				bd.flags = freeze(b->arena, &flags, &bd.nflags);
			}
		}
		}
		bh_vec_push(&b->builds, bd);
		bh_vec_push(&b->cur.builds, index);
		bh_img_build_cmd *saved = &b->builds.items[index];
		switch (bd.kind) {
		case BH_IMG_BUILD_CC:
			if (saved->output) {
				bh_img_file *f = bh_img__add_file(b, saved->output, BH_IMG_FROM_RUN,
								  saved->tool, run->instr);
				if (f)
					f->build = (int)index;
			}
			break;
		case BH_IMG_BUILD_INSTALL:
			apply_copy(b, saved, target_dir, mode, index);
			break;
		case BH_IMG_BUILD_MAKE:
			bh_img__apply_make(b, saved, index);
			break;
		case BH_IMG_BUILD_CMAKE:
			bh_img__apply_cmake(b, saved, index);
			break;
		case BH_IMG_BUILD_MESON:
			bh_img__apply_meson(b, saved, index);
			break;
		case BH_IMG_BUILD_NINJA:
			apply_ninja(b, saved, index);
			break;
		case BH_IMG_BUILD_RM:
			apply_rm(b, saved);
			break;
		case BH_IMG_BUILD_CHMOD:
			apply_chmod(b, saved);
			break;
		default:
			break;
		}
	}
}
