// SPDX-License-Identifier: MIT
// Autotools trees that were never configured: a source package or a
// release tarball has configure.ac and the config header's template
// (config.h.in) but not config.h, and automake's compile line
// (-DHAVE_CONFIG_H -I<builddir>) is nowhere to be read. Without them a
// unit that includes config.h under `#ifdef HAVE_CONFIG_H` parses with
// none of what configure found: memcached from `apt-get source` lost 37 of
// its 83 units to clang errors (`bool` unknown). This file reads the
// configure scripts' m4 (never runs it: no m4, no autoconf, no shell),
// finds each config header and its template, has the header written as
// configure would write it on this machine (disc_autoheader.c) and gives
// the units without compile_commands.json entries automake's two flags.
// The same list takes the headers a CMake project's configure_file()
// calls would write (bh_cmake_config_headers, disc_cmake.c), for which
// units get -I only.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"
#include "bulkhead/source.h"
#include "disc_internal.h"

// At most this many configure scripts, m4_includes of one, calls of the
// macros read per file, bytes of one call, arguments of a call and
// m4_defines are read.
#define MAX_CONFIGURES 32
#define MAX_INCLUDES 32
#define MAX_CALLS 1024
#define MAX_CALL_BYTES 16384
#define MAX_ARGS 8
#define MAX_DEFINES 256

// ------------------------------------------------------------ m4 reading

typedef struct {
	const char *name, *value;
} m4_define;

typedef struct {
	m4_define items[MAX_DEFINES];
	size_t len;
} m4_defines;

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// An argument trimmed and with one level of m4 quotes ([...]) removed;
// NULL when what is left is not a literal (holds quotes, a macro call, a
// shell expansion, a line break).
static const char *literal_arg(bh_arena *arena, const char *s, size_t n)
{
	while (n && blank(*s))
		s++, n--;
	while (n && blank(s[n - 1]))
		n--;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
		while (n && blank(*s))
			s++, n--;
		while (n && blank(s[n - 1]))
			n--;
	}
	for (size_t i = 0; i < n; i++)
		if (strchr("[]()$`\n\r", s[i]))
			return NULL;
	return bh_arena_strndup(arena, s, n);
}

// The arguments of the call whose '(' is at t[open]: split at top-level
// commas (not inside quotes or nested parentheses), each by literal_arg.
// @return how many (at most `max`), 0 for an unclosed call.
static size_t call_args(bh_arena *arena, const char *t, size_t len, size_t open, const char **args,
			size_t max)
{
	size_t n = 0, start = open + 1;
	int parens = 1, quotes = 0;
	if (len - open > MAX_CALL_BYTES) // bounds the work of nested unclosed calls
		len = open + MAX_CALL_BYTES;
	for (size_t i = open + 1; i < len; i++) {
		char c = t[i];
		if (c == '[')
			quotes++;
		else if (c == ']' && quotes > 0)
			quotes--;
		else if (quotes == 0 && c == '(')
			parens++;
		else if (quotes == 0 && (c == ')' || (c == ',' && parens == 1))) {
			if (c == ')' && --parens > 0)
				continue;
			if (n < max)
				args[n++] = literal_arg(arena, t + start, i - start);
			start = i + 1;
			if (c == ')')
				return n;
		}
	}
	return 0;
}

typedef void (*call_fn)(void *payload, const char *name, const char **args, size_t nargs);

static bool among(const char *name, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(*names, name) == 0)
			return true;
	return false;
}

// Each call NAME(...) in `t` of a macro of `names` (NULL-terminated), m4
// comments (`dnl` to the end of the line, a line starting with '#')
// skipped; at most MAX_CALLS.
static void each_call(bh_arena *arena, const char *t, size_t len, const char *const *names,
		      call_fn fn, void *payload)
{
	size_t calls = 0;
	bool line_start = true;
	for (size_t i = 0; i < len;) {
		char c = t[i];
		if (c == '\n') {
			line_start = true;
			i++;
			continue;
		}
		if (line_start && (c == ' ' || c == '\t')) {
			i++;
			continue;
		}
		bool comment = line_start && c == '#';
		line_start = false;
		if (!ident_char(c) || (i > 0 && ident_char(t[i - 1]))) {
			if (comment)
				while (i < len && t[i] != '\n')
					i++;
			else
				i++;
			continue;
		}
		size_t start = i;
		while (i < len && ident_char(t[i]))
			i++;
		size_t n = i - start;
		if (n == 3 && memcmp(t + start, "dnl", 3) == 0) {
			while (i < len && t[i] != '\n')
				i++;
			continue;
		}
		if (i >= len || t[i] != '(' || n > 32)
			continue;
		char name[33];
		memcpy(name, t + start, n);
		name[n] = '\0';
		if (!among(name, names) || ++calls > MAX_CALLS)
			continue;
		const char *args[MAX_ARGS] = { 0 };
		size_t nargs = call_args(arena, t, len, i, args, MAX_ARGS);
		fn(payload, name, args, nargs);
		// Nested calls (in an AS_IF's branches) are read too: go on
		// inside the arguments.
		i++;
	}
}

// ----------------------------------------------------- configure scripts

typedef struct {
	bh_arena *arena;
	const bh_disc_files *files;
	const char *dir; // of configure.ac, "" at the root
	m4_defines defines;
	bh_disc_package pkg;
	bool have_init;
	BH_VEC(const char *) specs; // AC_CONFIG_HEADERS words: "out[:in...]"
	BH_VEC(const char *) includes; // m4_include'd files, context-relative
} configure_script;

// `rel` joined to `dir` and cleaned, or NULL when it leaves the context,
// is absolute or holds a shell or make expansion.
static const char *join_path(bh_arena *arena, const char *dir, const char *rel)
{
	if (!rel || !*rel || rel[0] == '/' || strpbrk(rel, "$@`\\"))
		return NULL;
	while (strncmp(rel, "./", 2) == 0)
		rel += 2;
	for (const char *p = rel; p; p = strchr(p, '/'), p = p ? p + 1 : NULL)
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || !p[2]))
			return NULL;
	return *dir ? bh_arena_sprintf(arena, "%s/%s", dir, rel) : bh_arena_strdup(arena, rel);
}

static const char *resolve(const configure_script *cs, const char *arg)
{
	if (!arg)
		return NULL;
	for (size_t i = 0; i < cs->defines.len; i++)
		if (strcmp(cs->defines.items[i].name, arg) == 0)
			return cs->defines.items[i].value;
	return arg;
}

static const char *const define_macros[] = { "m4_define", "define", "m4_include", "m4_sinclude",
					     "sinclude", NULL };
static const char *const package_macros[] = { "AC_INIT", "AC_CONFIG_HEADERS", "AC_CONFIG_HEADER",
					      "AM_CONFIG_HEADER", NULL };

static void on_define(void *payload, const char *name, const char **args, size_t nargs)
{
	configure_script *cs = payload;
	if (strcmp(name, "m4_define") == 0 || strcmp(name, "define") == 0) {
		if (nargs >= 2 && args[0] && args[1] && cs->defines.len < MAX_DEFINES)
			cs->defines.items[cs->defines.len++] = (m4_define){ args[0], args[1] };
	} else if (strcmp(name, "m4_include") == 0 || strcmp(name, "m4_sinclude") == 0 ||
		   strcmp(name, "sinclude") == 0) {
		const char *path = nargs >= 1 ? join_path(cs->arena, cs->dir, args[0]) : NULL;
		if (path)
			bh_vec_push(&cs->includes, path);
	}
}

static void on_call(void *payload, const char *name, const char **args, size_t nargs)
{
	configure_script *cs = payload;
	if (strcmp(name, "AC_INIT") == 0 && !cs->have_init && nargs >= 1) {
		const char **fields[] = { &cs->pkg.name, &cs->pkg.version, &cs->pkg.bugreport,
					  &cs->pkg.tarname, &cs->pkg.url };
		for (size_t i = 0; i < nargs && i < BH_ARRAY_LEN(fields); i++)
			*fields[i] = resolve(cs, args[i]);
		cs->have_init = true;
	} else if ((strcmp(name, "AC_CONFIG_HEADERS") == 0 || strcmp(name, "AC_CONFIG_HEADER") == 0 ||
		    strcmp(name, "AM_CONFIG_HEADER") == 0) &&
		   nargs >= 1 && args[0]) {
		// A blank-separated list of "out[:in1[:in2...]]".
		const char *p = args[0];
		while (*p) {
			while (*p == ' ' || *p == '\t')
				p++;
			size_t n = strcspn(p, " \t");
			if (n)
				bh_vec_push(&cs->specs, bh_arena_strndup(cs->arena, p, n));
			p += n;
		}
	}
}

static bool read_file(configure_script *cs, const char *path, const char **text, size_t *len)
{
	return cs->files->read(cs->files->payload, path, text, len);
}

// The template(s) of `spec` read and joined, as config.status joins them;
// NULL when one is not a file of the context.
static const char *read_templates(configure_script *cs, const char *spec, const char **first,
				  size_t *len)
{
	const char *colon = strchr(spec, ':');
	const char *inputs = colon ? colon + 1 : bh_arena_sprintf(cs->arena, "%s.in", spec);
	BH_VEC(char) joined = { 0 };
	bool ok = true;
	*first = NULL;
	for (const char *p = inputs; ok && *p;) {
		size_t n = strcspn(p, ":");
		const char *path = join_path(cs->arena, cs->dir, bh_arena_strndup(cs->arena, p, n));
		const char *in = NULL;
		size_t n_in = 0;
		ok = path && read_file(cs, path, &in, &n_in);
		if (ok) {
			if (!*first)
				*first = path;
			bh_vec_reserve(&joined, n_in + 1);
			memcpy(joined.items + joined.len, in, n_in);
			joined.len += n_in;
		}
		p += n + (p[n] == ':');
	}
	const char *text = ok && *first ? bh_arena_strndup(cs->arena, joined.items ? joined.items : "", joined.len) : NULL;
	*len = joined.len;
	bh_vec_dispose(&joined);
	return text;
}

static bool is_configure_script(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	if (strcmp(base, "configure.ac") != 0 && strcmp(base, "configure.in") != 0)
		return false;
	for (const char *p = path, *s; (s = strchr(p, '/')) != NULL; p = s + 1)
		if (*p == '.') // quilt's .pc/, a tool's state
			return false;
	return true;
}

void bh_disc_read_configure(bh_disc_config_headers *out, bh_arena *arena, const char *root,
			    const char *path, const char *text, size_t len, const bh_disc_files *files,
			    const bh_disc_host *host)
{
	const char *slash = strrchr(path, '/');
	configure_script cs = {
		.arena = arena, .files = files,
		.dir = slash ? bh_arena_strndup(arena, path, (size_t)(slash - path)) : "",
	};
	// m4_define's first (version.m4: m4_define([VERSION_NUMBER], [1.6.18])),
	// from the files it m4_includes too, then the calls that use them.
	each_call(arena, text, len, define_macros, on_define, &cs);
	size_t nincludes = cs.includes.len;
	for (size_t i = 0; i < nincludes && i < MAX_INCLUDES; i++) {
		const char *inc = NULL;
		size_t n = 0;
		if (read_file(&cs, cs.includes.items[i], &inc, &n))
			each_call(arena, inc, n, define_macros, on_define, &cs);
	}
	each_call(arena, text, len, package_macros, on_call, &cs);
	if (strcmp(root, "/") == 0)
		root = "";
	for (size_t i = 0; i < cs.specs.len; i++) {
		const char *spec = cs.specs.items[i];
		size_t n = strcspn(spec, ":");
		const char *hdr = join_path(arena, cs.dir, bh_arena_strndup(arena, spec, n));
		if (!hdr)
			continue;
		bh_disc_config_header h = { .path = hdr, .dir = cs.dir,
					    .abs_path = bh_arena_sprintf(arena, "%s/%s", root, hdr) };
		if (!files->exists(files->payload, hdr)) {
			size_t tlen = 0;
			const char *tmpl = read_templates(&cs, spec, &h.template_path, &tlen);
			if (!tmpl)
				continue; // neither the header nor its template: nothing to give
			h.text = bh_disc_autoheader(arena, tmpl, tlen, cs.have_init ? &cs.pkg : NULL, host,
						    &h.len, &h.ndefined);
		}
		bh_vec_push(out, h);
	}
	bh_vec_dispose(&cs.specs);
	bh_vec_dispose(&cs.includes);
}

// The context as bh_disc_read_configure sees it: regular files only (a
// symlink is never followed; a config.h that is one is written anew).
typedef struct {
	bh_ctx *ctx;
	bh_arena *arena;
	bh_diags *diags;
} ctx_files;

static bool ctx_exists(void *payload, const char *path)
{
	ctx_files *cf = payload;
	const bh_file *f = bh_ctx_find(cf->ctx, path);
	return f && f->kind != BH_FILE_SYMLINK && f->kind != BH_FILE_OTHER;
}

static bool ctx_read(void *payload, const char *path, const char **text, size_t *len)
{
	ctx_files *cf = payload;
	const bh_file *f = bh_ctx_find(cf->ctx, path);
	const bh_source *src = NULL;
	if (!f || f->kind == BH_FILE_SYMLINK || f->kind == BH_FILE_OTHER || f->too_large ||
	    bh_ctx_read(&src, cf->arena, cf->ctx, path, cf->diags) != BH_OK || !src)
		return false;
	*text = src->data;
	*len = src->len;
	return true;
}

// bh_cmake_config_headers' reader of the context.
static bool cmake_read(const char *path, const char **text, size_t *len, void *payload)
{
	return ctx_read(payload, path, text, len);
}

// A CMakeLists.txt no directory above holds one of (the top of a project,
// which add_subdirectory() reads the others from), not under a hidden
// directory.
static bool is_top_cmakelists(const bh_ctx *ctx, const char *path, bh_arena *arena)
{
	const char *slash = strrchr(path, '/');
	if (strcmp(slash ? slash + 1 : path, "CMakeLists.txt") != 0)
		return false;
	for (const char *p = path, *s; (s = strchr(p, '/')) != NULL; p = s + 1)
		if (*p == '.')
			return false;
	for (size_t n = slash ? (size_t)(slash - path) : 0; n > 0;) {
		while (n > 0 && path[n - 1] != '/')
			n--;
		const char *above = bh_arena_sprintf(arena, "%.*sCMakeLists.txt", (int)n, path);
		if (bh_ctx_find(ctx, above))
			return false;
		if (n > 0)
			n--;
	}
	return true;
}

void bh_disc_find_config_headers(bh_disc_config_headers *out, bh_arena *arena, bh_ctx *ctx,
				 const bh_disc_host *host, bh_diags *diags)
{
	size_t nread = 0;
	ctx_files cf = { ctx, arena, diags };
	const bh_disc_files files = { ctx_exists, ctx_read, &cf };
	size_t n = ctx ? bh_ctx_file_count(ctx) : 0;
	for (size_t i = 0; i < n && nread < MAX_CONFIGURES; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		const char *text = NULL;
		size_t len = 0;
		if (f->excluded || !is_configure_script(f->path) || !ctx_read(&cf, f->path, &text, &len))
			continue;
		bh_disc_read_configure(out, arena, bh_ctx_root(ctx), f->path, text, len, &files, host);
		nread++;
	}
	// CMake projects: their configure_file() outputs, unless configure
	// writes the same file.
	const char **paths = NULL;
	for (size_t i = 0, ncmake = 0; i < n && ncmake < MAX_CONFIGURES; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		const char *text = NULL;
		size_t len = 0;
		if (f->excluded || !is_top_cmakelists(ctx, f->path, arena) ||
		    !ctx_read(&cf, f->path, &text, &len))
			continue;
		if (!paths) {
			paths = bh_arena_alloc(arena, (n + 1) * sizeof(*paths));
			for (size_t k = 0; k < n; k++)
				paths[k] = bh_ctx_file(ctx, k)->path;
		}
		bh_disc_config_headers found = { 0 };
		bh_cmake_config_headers(&found, arena, bh_ctx_root(ctx), f->path, text, len, paths, n,
					cmake_read, &cf, host);
		for (size_t k = 0; k < found.len; k++) {
			bool taken = false;
			for (size_t j = 0; j < out->len && !taken; j++)
				taken = strcmp(out->items[j].path, found.items[k].path) == 0;
			if (!taken)
				bh_vec_push(out, found.items[k]);
		}
		bh_vec_dispose(&found);
		ncmake++;
	}
}

// ------------------------------------------------------------ unit flags

// Whether context path `path` is under directory `dir` ("" is the root).
static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return n == 0 || (strncmp(path, dir, n) == 0 && path[n] == '/');
}

static bool has_file(const bh_ctx *ctx, const char *dir, size_t dirlen, const char *name, bh_arena *arena)
{
	const char *path = dirlen ? bh_arena_sprintf(arena, "%.*s/%s", (int)dirlen, dir, name) : name;
	return bh_ctx_find(ctx, path) != NULL;
}

// Whether automake or autoconf builds `path`: the nearest directory from
// its own up to `top` (its configure.ac's) with a Makefile.am or a
// Makefile.in, before one with only a Makefile of its own (a vendored
// library's, as memcached's vendor/lua: not built with configure's DEFS).
static bool autotools_built(const bh_ctx *ctx, const char *path, const char *top, bh_arena *arena)
{
	static const char *const autotools[] = { "Makefile.am", "Makefile.in", "GNUmakefile.in" };
	static const char *const own[] = { "Makefile", "makefile", "GNUmakefile" };
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) : 0, toplen = strlen(top);
	for (;;) {
		for (size_t i = 0; i < BH_ARRAY_LEN(autotools); i++)
			if (has_file(ctx, path, dirlen, autotools[i], arena))
				return true;
		for (size_t i = 0; i < BH_ARRAY_LEN(own); i++)
			if (has_file(ctx, path, dirlen, own[i], arena))
				return false;
		if (dirlen <= toplen)
			return true; // no build file of its own: configure's tree
		while (dirlen > 0 && path[--dirlen] != '/')
			;
	}
}

size_t bh_disc_config_flags(bh_disc_config_headers *headers, bh_units *units, bh_arena *arena,
			    const bh_ctx *ctx, bh_diags *diags)
{
	if (!headers->len)
		return 0;
	const char *root = bh_ctx_root(ctx);
	if (strcmp(root, "/") == 0)
		root = "";
	size_t changed = 0;
	for (size_t u = 0; u < units->len; u++) {
		bh_unit *unit = &units->items[u];
		if (unit->flags_source == BH_FLAGS_COMPDB)
			continue;
		// The deepest configure.ac above the unit governs it.
		const char *dir = NULL;
		for (size_t i = 0; i < headers->len; i++)
			if (under(unit->path, headers->items[i].dir) &&
			    (!dir || strlen(headers->items[i].dir) > strlen(dir)))
				dir = headers->items[i].dir;
		if (!dir)
			continue;
		// automake's -DHAVE_CONFIG_H for what it builds; CMake projects
		// define what they need themselves.
		bool autotools = false, any = false;
		for (size_t i = 0; i < headers->len; i++)
			if (strcmp(headers->items[i].dir, dir) == 0 && !headers->items[i].cmake)
				autotools = true;
		autotools = autotools && autotools_built(ctx, unit->path, dir, arena);
		const char **args = bh_arena_alloc(arena, (unit->nargs + 1 + headers->len + 1) * sizeof(*args));
		size_t n = unit->nargs;
		memcpy(args, unit->args, n * sizeof(*args));
		if (autotools)
			args[n++] = "-DHAVE_CONFIG_H";
		for (size_t i = 0; i < headers->len; i++) {
			const bh_disc_config_header *h = &headers->items[i];
			if (strcmp(h->dir, dir) != 0 || (!h->cmake && !autotools))
				continue;
			any = true;
			headers->items[i].nunits++;
			const char *slash = strrchr(h->path, '/');
			const char *inc = slash ? bh_arena_sprintf(arena, "-I%s/%.*s", root,
								   (int)(slash - h->path), h->path)
						: bh_arena_sprintf(arena, "-I%s", *root ? root : "/");
			bool seen = false;
			for (size_t k = unit->nargs; k < n && !seen; k++)
				seen = strcmp(args[k], inc) == 0;
			if (!seen)
				args[n++] = inc;
		}
		if (!any)
			continue;
		unit->args = args;
		unit->nargs = n;
		changed++;
	}
	for (size_t i = 0; i < headers->len; i++) {
		const bh_disc_config_header *h = &headers->items[i];
		if (h->text && h->nunits && h->cmake)
			bh_diag_add(diags, BH_LEVEL_NOTE, "disc.config-header", h->template_path, 0, 0,
				    "'%s' is not in the context: %zu C file%s parsed with the '%s' "
				    "configure_file() would write from this template here (%zu "
				    "#cmakedefine lines defined, from check_*() results of this machine, "
				    "option() defaults and set() values); nothing was run",
				    h->path, h->nunits, h->nunits == 1 ? " is" : "s are", h->path, h->ndefined);
		else if (h->text && h->nunits)
			bh_diag_add(diags, BH_LEVEL_NOTE, "disc.config-header", h->template_path, 0, 0,
				    "'%s' is not in the context: %zu C file%s parsed with -DHAVE_CONFIG_H "
				    "and the '%s' configure would write from this template here (%zu "
				    "macros defined: headers, functions and libraries of this machine, "
				    "type sizes, AC_INIT's package; --enable options left off); "
				    "nothing was run",
				    h->path, h->nunits, h->nunits == 1 ? " is" : "s are", h->path, h->ndefined);
	}
	return changed;
}
