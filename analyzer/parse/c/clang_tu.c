// SPDX-License-Identifier: MIT
// One translation unit through libclang: parse it with the unit's flags,
// turn clang's errors into diagnostics, walk the AST of the files inside
// the build context and hand each call to the C rules. Runs on a worker
// thread of clang_pool.c with that worker's CXIndex; everything it makes
// goes to the unit's own arena, findings and diagnostics.
//
// Invariants: every CXString is disposed; the CXTranslationUnit is
// disposed before returning; findings are only ever at locations inside
// the context and outside system headers (bh_clang__report enforces it).
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/c/clang_internal.h"

// Clang errors shown per unit; the rest are counted in one note. A missing
// header typically causes a cascade, and the first few say what is wrong.
#define MAX_ERRORS_PER_UNIT 5

// Appended to every unit's flags. `-w`: only clang's errors are used, and
// a project's `-Werror` must not turn its warnings into errors that cut
// functions from the analysis (it also spares computing them: 1.5% of a
// redis scan). Clang 16 and gcc 14 made these errors
// by default, but code built with older compilers (common in container
// base images) relies on them as warnings, and the AST clang builds is
// complete either way: reporting them as errors would only say "results
// incomplete" when they are not. Placed last so that they win. Every error
// is kept (no limit of 20): each marks the function it is in as one whose
// IR lost what clang could not understand (BH_IR_CUT_ERRORS).
static const char *const extra_args[] = {
	"-ferror-limit=0",
	"-w",
	"-Wno-error=implicit-function-declaration",
	"-Wno-error=implicit-int",
	"-Wno-error=int-conversion",
	"-Wno-error=incompatible-function-pointer-types",
};

// --------------------------------------------------------------- files

// realpath() of a name clang opened, through the worker's cache. Headers
// repeat across units and realpath() costs a readlink() per component:
// 127k system calls over redis' 141 units without the cache. Only
// absolute names are cached: a relative one depends on the directory.
static bool real_name(bh_clang__walk *w, const char *name, char real[PATH_MAX])
{
	bool cacheable = w->realpaths && name[0] == '/';
	const char *hit = cacheable ? bh_strmap_get(w->realpaths, name) : NULL;
	if (hit) {
		size_t len = strlen(hit);
		memcpy(real, hit, len + 1);
		return len > 0;
	}
	bool ok = realpath(name, real) != NULL;
	if (cacheable)
		bh_strmap_put(w->realpaths, name, ok ? real : "");
	return ok;
}

const char *bh_clang__file_path(bh_clang__walk *w, CXFile file)
{
	if (!file)
		return NULL;
	for (size_t i = 0; i < w->files.len; i++) {
		if (w->files.items[i].file == file)
			return w->files.items[i].path;
	}

	// realpath() so that "src/../inc/a.h", symlinks and relative names
	// all compare against the canonical context root.
	const char *path = NULL;
	char real[PATH_MAX];
	CXString name = clang_getFileName(file);
	const char *n = clang_getCString(name);
	bool resolved = n && real_name(w, n, real);
	if (!resolved) {
		CXString rp = clang_File_tryGetRealPathName(file);
		const char *r = clang_getCString(rp);
		size_t rlen = r ? strlen(r) : 0;
		resolved = rlen > 0 && r[0] == '/' && rlen < sizeof(real);
		if (resolved)
			memcpy(real, r, rlen + 1);
		clang_disposeString(rp);
	}
	// A file clang read only from memory (a config header written for
	// an unconfigured tree, bh_disc_config_headers) is named as given.
	size_t nlen = n ? strlen(n) : 0;
	if (!resolved && nlen > 0 && n[0] == '/' && nlen < sizeof(real) && !strstr(n, "/../") &&
	    access(n, F_OK) != 0) {
		memcpy(real, n, nlen + 1);
		resolved = true;
	}
	clang_disposeString(name);
	if (resolved) {
		size_t len = w->ctx_root_len;
		if (len == 1 && w->ctx_root[0] == '/')
			path = real[1] ? bh_arena_strdup(w->arena, real + 1) : NULL;
		else if (strncmp(real, w->ctx_root, len) == 0 && real[len] == '/' && real[len + 1])
			path = bh_arena_strdup(w->arena, real + len + 1);
	}

	bh_clang__file *slot = bh_vec_grow_one(&w->files);
	slot->file = file;
	slot->path = path;
	return path;
}

// ------------------------------------------------------------ locations

bool bh_clang__cursor_loc(bh_clang__walk *w, CXCursor c, bh_loc *out)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXSourceLocation start = clang_Range_isNull(r) ? clang_getCursorLocation(c)
						       : clang_getRangeStart(r);
	// isInSystemHeader looks at the expansion location, like we do.
	if (clang_Location_isInSystemHeader(start))
		return false;
	CXFile file;
	unsigned line, col, off;
	clang_getExpansionLocation(start, &file, &line, &col, &off);
	const char *path = bh_clang__file_path(w, file);
	if (!path || line == 0)
		return false;

	memset(out, 0, sizeof(*out));
	out->path = path;
	out->line = line;
	out->col = col;
	if (!clang_Range_isNull(r)) {
		// The end of a libclang extent is one past the last character:
		// exactly SARIF's exclusive end column.
		CXFile efile;
		unsigned eline, ecol, eoff;
		clang_getExpansionLocation(clang_getRangeEnd(r), &efile, &eline, &ecol, &eoff);
		if (efile && clang_File_isEqual(efile, file) && eoff > off) {
			out->end_line = eline;
			out->end_col = ecol;
		}
	}
	return true;
}

// The source text a finding at `c` hashes: the expansion range of its
// extent (for a call written through a macro, the macro use). Falls back
// to the rest of the line when the range is unusable.
static const char *cursor_snippet(bh_clang__walk *w, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile fa, fb;
	unsigned oa, ob;
	clang_getExpansionLocation(clang_getRangeStart(r), &fa, NULL, NULL, &oa);
	clang_getExpansionLocation(clang_getRangeEnd(r), &fb, NULL, NULL, &ob);
	size_t size = 0;
	const char *data = fa ? clang_getFileContents(w->tu, fa, &size) : NULL;
	if (!data || oa >= size)
		return NULL;
	size_t len;
	if (fb && clang_File_isEqual(fa, fb) && ob > oa && ob <= size && ob - oa <= 4096) {
		len = ob - oa;
	} else {
		const char *nl = memchr(data + oa, '\n', size - oa);
		len = nl ? (size_t)(nl - (data + oa)) : size - oa;
	}
	return bh_finding_normalize_snippet(w->arena, data + oa, len);
}

bh_finding *bh_clang__report(bh_clang__walk *w, bh_rule_id rule, CXCursor at,
			     const char *fmt, ...)
{
	bh_loc loc;
	if (!bh_clang__cursor_loc(w, at, &loc))
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	const char *message = bh_arena_vsprintf(w->arena, fmt, ap);
	va_end(ap);

	bh_finding *fd = bh_finding_add(w->findings, bh_rule_get(rule), loc, "%s", message);
	fd->function = w->function_name;
	fd->snippet = cursor_snippet(w, at);
	fd->note = bh_unit_flags_note(w->unit);
	return fd;
}

// ---------------------------------------------------------- diagnostics

// Clang's errors and fatal errors become "clang.error" diagnostics at the
// user-visible (expansion) location. Errors in files outside the context
// (a system header that does not parse with these flags) are attributed
// to the unit itself so that they are not lost.
static void report_clang_errors(bh_clang__walk *w)
{
	unsigned n = clang_getNumDiagnostics(w->tu);
	unsigned shown = 0, hidden = 0;
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(w->tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev != CXDiagnostic_Error && sev != CXDiagnostic_Fatal) {
			clang_disposeDiagnostic(d);
			continue;
		}
		CXString msg = clang_getDiagnosticSpelling(d);
		const char *text = clang_getCString(msg);
		if (!text)
			text = "";
		CXFile file;
		unsigned line = 0, col = 0;
		CXSourceLocation where = clang_getDiagnosticLocation(d);
		clang_getExpansionLocation(where, &file, &line, &col, NULL);
		// A gcc-only flag in the build's command line is an error to the
		// clang driver, but it is ignored and the file still parses as the
		// build compiles it: results are complete, so only a warning.
		if (!file && strncmp(text, "unknown argument", 16) == 0) {
			bh_diag_add(w->diags, BH_LEVEL_WARNING, "clang.unknown-flag", w->unit->path,
				    0, 0, "%s; clang-19 ignored it", text);
			clang_disposeString(msg);
			clang_disposeDiagnostic(d);
			continue;
		}
		if (shown == MAX_ERRORS_PER_UNIT) {
			hidden++;
			clang_disposeString(msg);
			clang_disposeDiagnostic(d);
			continue;
		}
		shown++;

		const char *path = bh_clang__file_path(w, file);
		if (path) {
			bh_diag_add(w->diags, BH_LEVEL_ERROR, "clang.error", path, line, col,
				    "%s", text);
		} else if (file) {
			CXString fname = clang_getFileName(file);
			const char *fn = clang_getCString(fname);
			bh_diag_add(w->diags, BH_LEVEL_ERROR, "clang.error", w->unit->path, 0, 0,
				    "in %s:%u: %s", fn ? fn : "?", line, text);
			clang_disposeString(fname);
		} else {
			bh_diag_add(w->diags, BH_LEVEL_ERROR, "clang.error", w->unit->path, 0, 0,
				    "%s", text);
		}
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
	if (hidden)
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "clang.too-many-errors", w->unit->path, 0, 0,
			    "%u more clang error%s in this translation unit not shown", hidden,
			    hidden == 1 ? "" : "s");
}

// ----------------------------------------------------------------- walk

static enum CXChildVisitResult visit_body(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	bh_clang__walk *w = data;
	if (clang_getCursorKind(c) == CXCursor_CallExpr)
		bh_clang__rule_calls(w, c);
	bh_clang__rule_secrets(w, c);
	bh_clang__rule_sizeof(w, c);
	return CXChildVisit_Recurse;
}

// Top level: skip declarations of system headers and of files outside the
// context without descending (most of a TU is libc headers), and remember
// the enclosing function for the findings below it.
static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	bh_clang__walk *w = data;
	CXSourceLocation loc = clang_getCursorLocation(c);
	if (clang_Location_isInSystemHeader(loc))
		return CXChildVisit_Continue;
	CXFile file;
	clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
	if (!bh_clang__file_path(w, file))
		return CXChildVisit_Continue;

	if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
		w->function = c;
		w->function_name = bh_clang__spelling(w->arena, c);
		if (w->ir)
			bh_clang__lower_function(w, c);
	} else {
		w->function = clang_getNullCursor();
		w->function_name = NULL;
		if (w->ir && clang_getCursorKind(c) == CXCursor_VarDecl)
			bh_clang__lower_global(w, c);
	}
	bh_clang__rule_secrets(w, c); // file-scope `static const char *pw = "..."`
	clang_visitChildren(c, visit_body, w);
	w->function = clang_getNullCursor();
	w->function_name = NULL;
	return CXChildVisit_Continue;
}

static const char *error_name(enum CXErrorCode ec)
{
	switch (ec) {
	case CXError_Success: return "success";
	case CXError_Failure: return "failure";
	case CXError_Crashed: return "libclang crashed";
	case CXError_InvalidArguments: return "invalid arguments";
	case CXError_ASTReadError: return "AST read error";
	}
	return "unknown error";
}

// clang_getInclusions visitor: the context files of the unit, for the
// tree-sitter fast path (which checks only macros in them), and the files
// outside the context it read (system headers), whose change makes a
// cached result stale.
typedef struct {
	bh_clang__walk *w;
	bh_clang__paths *out;
	bh_clang__paths *outside; // or NULL
} inclusion_list;

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
			    CXClientData data)
{
	(void)stack;
	(void)depth;
	inclusion_list *l = data;
	const char *path = bh_clang__file_path(l->w, file);
	if (path) {
		bh_vec_push(l->out, path);
		return;
	}
	if (!l->outside)
		return;
	CXString name = clang_getFileName(file);
	const char *n = clang_getCString(name);
	if (n && *n)
		bh_vec_push(l->outside, bh_arena_strdup(l->w->arena, n));
	clang_disposeString(name);
}

void bh_clang__analyse_unit(CXIndex index, const bh_unit *unit, const char *ctx_root,
			    bh_arena *arena, bh_findings *findings, bh_diags *diags,
			    bh_ir_unit *ir, bh_clang__paths *visited, bh_clang__paths *outside,
			    bh_strmap *realpaths, struct CXUnsavedFile *unsaved, unsigned nunsaved, bh_clang_tu_cache *cache)
{
	bh_clang__walk w = {
		.unit = unit,
		.ctx_root = ctx_root,
		.ctx_root_len = strlen(ctx_root),
		.arena = arena,
		.findings = findings,
		.diags = diags,
		.function = clang_getNullCursor(),
		.ir = ir,
		.realpaths = realpaths,
	};
	size_t nargs = unit->nargs + BH_ARRAY_LEN(extra_args);
	const char **args = bh_arena_alloc(arena, nargs * sizeof(*args));
	for (size_t i = 0; i < unit->nargs; i++)
		args[i] = unit->args[i];
	for (size_t i = 0; i < BH_ARRAY_LEN(extra_args); i++)
		args[unit->nargs + i] = extra_args[i];

	// KeepGoing: a missing header or a syntax error still gives an AST
	// for the rest of the file. IgnoreNonErrorsFromIncludedFiles: we only
	// look at errors, so do not even keep warnings from headers.
	unsigned flags = CXTranslationUnit_KeepGoing |
			 CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	enum CXErrorCode ec;
	if (cache)
		w.tu = bh_clang__cache_parse(cache, unit->abs_path, args, (int)nargs, unsaved, nunsaved,
					     flags, &ec);
	else {
		bh_clang__guard guard;
		bh_clang__guard_enter(&guard);
		ec = clang_parseTranslationUnit2(index, unit->abs_path, args, (int)nargs, unsaved,
						 nunsaved, flags, &w.tu);
		bh_clang__guard_leave(&guard);
	}
	if (ec == CXError_Crashed) {
		// clang_guard.c: most often nesting deeper than clang's recursion
		// has stack for, which `clang -fsyntax-only` dies of too.
		bh_diag_add(diags, BH_LEVEL_ERROR, "clang.parse-failed", unit->path, 0, 0,
			    "libclang crashed parsing this translation unit (nesting deeper than "
			    "clang's stack allows, or a clang bug); it was not analysed");
		goto out;
	}
	if (ec != CXError_Success || !w.tu) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "clang.parse-failed", unit->path, 0, 0,
			    "libclang could not parse this translation unit (%s)",
			    error_name(ec));
		goto out;
	}
	report_clang_errors(&w);
	clang_visitChildren(clang_getTranslationUnitCursor(w.tu), visit_top, &w);
	if (visited) {
		inclusion_list l = { &w, visited, outside };
		clang_getInclusions(w.tu, visit_inclusion, &l);
	}

out:
	bh_clang__children_forget();
	if (w.tu && !cache)
		clang_disposeTranslationUnit(w.tu);
	bh_vec_dispose(&w.files);
	bh_vec_dispose(&w.errors);
	bh_clang__decl_map_dispose(&w.noreturn);
}
