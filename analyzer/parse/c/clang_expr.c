// SPDX-License-Identifier: MIT
// Expression helpers over libclang cursors for the C rules: looking
// through implicit casts, decoding string literals, recognising constant
// strings and fixed-size arrays, and recovering short source text for
// messages. Pure queries on one translation unit; nothing is cached.
//
// libclang exposes implicit conversions (array decay, lvalue-to-rvalue) as
// UnexposedExpr cursors with one child; every helper looks through them.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/text.h"
#include "parse/c/clang_internal.h"

// How deep bh_clang__is_constant_string follows `const` variables whose
// initialiser is another variable; a cycle is impossible in valid C, but
// the input is hostile.
#define MAX_CONST_DEPTH 4

// Longest expression text quoted in a message.
#define MAX_EXPR_TEXT 40

// ----------------------------------------------------------------- children

typedef struct {
	CXCursor *items;
	unsigned max;
	unsigned n; // total number of children, may exceed `max`
} child_list;

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	child_list *l = data;
	if (l->n < l->max)
		l->items[l->n] = c;
	l->n++;
	return CXChildVisit_Continue;
}

// The children of recent cursors, per thread: lowering asks for the same
// node's children again and again (bh_clang__strip on every operand,
// is_literal_constant down a size expression), and each
// clang_visitChildren builds a cursor visitor. A direct-mapped table of
// nodes with at most CACHED_KIDS children; bh_clang__children_forget
// empties it before a translation unit's cursors go away.
#define CACHE_SLOTS 1024
#define CACHED_KIDS 4

typedef struct {
	CXCursor node;
	unsigned n; // its number of children; 0 with a null node: an empty slot
	CXCursor kids[CACHED_KIDS];
} children_entry;

static _Thread_local children_entry *children_cache;

void bh_clang__children_forget(void)
{
	free(children_cache);
	children_cache = NULL;
}

static bool same_cursor(const CXCursor *a, const CXCursor *b)
{
	return a->kind == b->kind && a->xdata == b->xdata && a->data[0] == b->data[0] &&
	       a->data[1] == b->data[1] && a->data[2] == b->data[2];
}

unsigned bh_clang__children(CXCursor c, CXCursor *out, unsigned max)
{
	uintptr_t h = (uintptr_t)c.data[0] ^ ((uintptr_t)c.data[1] >> 3) ^ (uintptr_t)c.kind;
	h ^= h >> 12;
	children_entry *e = NULL;
	if (max <= CACHED_KIDS) {
		if (!children_cache)
			children_cache = bh_xcalloc(CACHE_SLOTS, sizeof(*children_cache));
		e = &children_cache[(h >> 4) & (CACHE_SLOTS - 1)];
		if (same_cursor(&e->node, &c) && e->n <= CACHED_KIDS) {
			for (unsigned i = 0; i < e->n && i < max; i++)
				out[i] = e->kids[i];
			return e->n;
		}
	}
	CXCursor kids[CACHED_KIDS];
	child_list l = { e ? kids : out, e ? CACHED_KIDS : max, 0 };
	clang_visitChildren(c, collect_child, &l);
	if (e) {
		for (unsigned i = 0; i < l.n && i < max; i++)
			out[i] = kids[i];
		// (A node with more children is asked for them once or twice:
		// not worth a bigger entry.)
		if (l.n <= CACHED_KIDS) {
			e->node = c;
			e->n = l.n;
			memcpy(e->kids, kids, sizeof(kids));
		}
	}
	return l.n;
}

CXCursor bh_clang__strip(CXCursor e)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(e);
		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
			return e;
		// An UnexposedExpr is not always a cast: only look through one
		// with exactly one child. Nor through what clang made of code it
		// could not understand (a RecoveryExpr, of dependent type in C):
		// `thr->rng[x]` on a struct left incomplete by a missing header
		// is a RecoveryExpr around `thr`, and looking through it would
		// make the code write `thr[x]`.
		CXCursor kid;
		if ((k == CXCursor_UnexposedExpr && clang_getCursorType(e).kind == CXType_Dependent) ||
		    bh_clang__children(e, &kid, 1) != 1)
			return e;
		e = kid;
	}
}

CXCursor bh_clang__strip_casts(CXCursor e)
{
	for (;;) {
		e = bh_clang__strip(e);
		if (clang_getCursorKind(e) != CXCursor_CStyleCastExpr)
			return e;
		// Children are an optional TypeRef (for typedef'd or struct
		// types) and then the operand: the operand is the last one.
		CXCursor kids[2];
		unsigned n = bh_clang__children(e, kids, 2);
		if (n == 0 || n > 2)
			return e;
		e = kids[n - 1];
	}
}

const char *bh_clang__spelling(bh_arena *arena, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *text = clang_getCString(s);
	const char *copy = bh_arena_strdup(arena, text ? text : "");
	clang_disposeString(s);
	return copy;
}

// ------------------------------------------------------------ source text

// Text between two locations of one file, or NULL when they do not form a
// sane range (different files, reversed, too long).
static const char *range_text(bh_clang__walk *w, CXSourceLocation a, CXSourceLocation b,
			      bool spelling, size_t *len_out)
{
	CXFile fa, fb;
	unsigned oa, ob;
	if (spelling) {
		clang_getSpellingLocation(a, &fa, NULL, NULL, &oa);
		clang_getSpellingLocation(b, &fb, NULL, NULL, &ob);
	} else {
		clang_getExpansionLocation(a, &fa, NULL, NULL, &oa);
		clang_getExpansionLocation(b, &fb, NULL, NULL, &ob);
	}
	if (!fa || !fb || !clang_File_isEqual(fa, fb) || ob <= oa || ob - oa > 4096)
		return NULL;
	size_t size;
	const char *data = clang_getFileContents(w->tu, fa, &size);
	if (!data || ob > size)
		return NULL;
	*len_out = ob - oa;
	return data + oa;
}

static bool has_newline(const char *s, size_t n)
{
	return memchr(s, '\n', n) != NULL;
}

const char *bh_clang__expr_text(bh_clang__walk *w, CXCursor e)
{
	CXSourceRange r = clang_getCursorExtent(e);
	CXSourceLocation a = clang_getRangeStart(r), b = clang_getRangeEnd(r);
	size_t len = 0;
	// Text as the user wrote it: first the expansion range (plain code),
	// then the spelling range (an argument of a macro such as glibc's
	// fortified sprintf). A spelling range that crosses lines has usually
	// jumped between a #define and its use: not trusted.
	const char *text = range_text(w, a, b, false, &len);
	if (!text) {
		text = range_text(w, a, b, true, &len);
		if (text && has_newline(text, len))
			text = NULL;
	}
	if (text) {
		const char *norm = bh_finding_normalize_snippet(w->arena, text, len);
		size_t n = strlen(norm);
		if (n == 0)
			return NULL;
		if (n <= MAX_EXPR_TEXT)
			return norm;
		return bh_arena_sprintf(w->arena, "%.*s...", MAX_EXPR_TEXT - 3, norm);
	}
	CXCursor s = bh_clang__strip(e);
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) {
		const char *name = bh_clang__spelling(w->arena, s);
		return name[0] ? name : NULL;
	}
	return NULL;
}

// ---------------------------------------------------------- string literals

bool bh_clang__string_literal(bh_arena *arena, CXCursor e, bh_clang__literal *out)
{
	memset(out, 0, sizeof(*out));
	CXCursor s = bh_clang__strip_casts(e);
	if (clang_getCursorKind(s) != CXCursor_StringLiteral)
		return false;
	// The type says how many bytes the array holds, NUL included, for
	// every literal whatever its spelling.
	CXType t = clang_getCanonicalType(clang_getCursorType(s));
	long long size = clang_Type_getSizeOf(t);
	out->size = size > 0 ? (size_t)size : 0;
	out->len = out->size ? out->size - 1 : 0;

	CXString sp = clang_getCursorSpelling(s);
	const char *text = clang_getCString(sp);
	if (!text)
		text = "";
	// Only narrow literals are decoded (plain and u8); L, u and U literals
	// have wider elements and are not used with the str*/printf rules.
	if (strncmp(text, "u8\"", 3) == 0)
		text += 2;
	if (text[0] == '"') {
		char *buf = bh_arena_alloc(arena, strlen(text) + 1);
		long n = bh_c_string_decode(buf, text);
		// Trust the decoding only if it agrees with clang's array size.
		if (n >= 0 && (size_t)n + 1 == out->size) {
			out->text = buf;
			out->len = strlen(buf); // stops at an embedded NUL
			out->known = true;
		}
	}
	clang_disposeString(sp);
	return true;
}

// ------------------------------------------------------ constant strings

// A call to a gettext-family function whose message ids are constant:
// translated text comes from the program's own catalogues.
static bool is_translation_call(CXCursor call, int depth);

static bool is_constant_depth(CXCursor e, int depth)
{
	if (depth > MAX_CONST_DEPTH)
		return false;
	CXCursor s = bh_clang__strip_casts(e);
	switch (clang_getCursorKind(s)) {
	case CXCursor_StringLiteral:
		return true;
	case CXCursor_ConditionalOperator: {
		// cond ? a : b, and GNU's cond ?: b (two children).
		CXCursor kids[3];
		if (bh_clang__children(s, kids, 3) == 3)
			return is_constant_depth(kids[1], depth + 1) &&
			       is_constant_depth(kids[2], depth + 1);
		return false;
	}
	case CXCursor_DeclRefExpr: {
		CXCursor var = clang_getCursorReferenced(s);
		if (clang_getCursorKind(var) != CXCursor_VarDecl)
			return false;
		// The variable itself must be unable to change: an array of
		// const char, or a pointer that is itself const.
		CXType t = clang_getCanonicalType(clang_getCursorType(var));
		bool fixed;
		if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray)
			// libclang keeps an array's `const` on the array type and
			// gives the element type unqualified: look at both.
			fixed = clang_isConstQualifiedType(t) ||
				clang_isConstQualifiedType(clang_getArrayElementType(t));
		else
			fixed = t.kind == CXType_Pointer && clang_isConstQualifiedType(t);
		if (!fixed)
			return false;
		CXCursor init = clang_Cursor_getVarDeclInitializer(var);
		if (clang_Cursor_isNull(init))
			return false;
		return is_constant_depth(init, depth + 1);
	}
	case CXCursor_CallExpr:
		return is_translation_call(s, depth);
	default:
		return false;
	}
}

bool bh_clang__is_constant_string(CXCursor e)
{
	return is_constant_depth(e, 0);
}

static bool is_translation_call(CXCursor call, int depth)
{
	// Message id arguments of each function (-1 ends the list).
	static const struct {
		const char *name;
		int ids[2];
	} fns[] = {
		{ "gettext", { 0, -1 } },        { "dgettext", { 1, -1 } },
		{ "dcgettext", { 1, -1 } },      { "ngettext", { 0, 1 } },
		{ "dngettext", { 1, 2 } },       { "dcngettext", { 1, 2 } },
		{ "libintl_gettext", { 0, -1 } }, { "libintl_dgettext", { 1, -1 } },
	};
	CXString sp = clang_getCursorSpelling(call);
	const char *name = clang_getCString(sp);
	bool ok = false;
	for (size_t i = 0; name && i < BH_ARRAY_LEN(fns); i++) {
		if (strcmp(name, fns[i].name) != 0)
			continue;
		int nargs = clang_Cursor_getNumArguments(call);
		ok = true;
		for (int k = 0; k < 2 && fns[i].ids[k] >= 0; k++) {
			int idx = fns[i].ids[k];
			if (idx >= nargs)
				ok = false;
			else if (!is_constant_depth(clang_Cursor_getArgument(call, (unsigned)idx),
						    depth + 1))
				ok = false;
		}
		break;
	}
	clang_disposeString(sp);
	return ok;
}

// ----------------------------------------------------------------- arrays

size_t bh_clang__array_size(CXCursor e)
{
	CXCursor s = bh_clang__strip(e);
	// A parameter declared `char buf[16]` is a pointer in C; libclang
	// still shows it with its written array type.
	if (clang_getCursorKind(s) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(s)) == CXCursor_ParmDecl)
		return 0;
	CXType t = clang_getCanonicalType(clang_getCursorType(s));
	if (t.kind != CXType_ConstantArray)
		return 0;
	long long size = clang_Type_getSizeOf(t);
	return size > 0 ? (size_t)size : 0;
}

bool bh_clang__is_null_constant(CXCursor e)
{
	CXCursor s = bh_clang__strip_casts(e);
	if (clang_getCursorKind(s) != CXCursor_IntegerLiteral)
		return false;
	CXEvalResult r = clang_Cursor_Evaluate(s);
	if (!r)
		return false;
	bool zero = clang_EvalResult_getKind(r) == CXEval_Int &&
		    clang_EvalResult_getAsLongLong(r) == 0;
	clang_EvalResult_dispose(r);
	return zero;
}
